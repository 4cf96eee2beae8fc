import { describe, expect, it } from "vitest";
import { mutationPermissions } from "./mutation-permissions";

describe("mutationPermissions", () => {
  it.each([
    ["client", "insert", { name: "Ada" }, ["client.manage"]],
    ["client", "update", { archivedAt: "2026-03-29T01:30:00.000Z" }, ["client.manage"]],
    ["studio", "update", { name: "Studio Lumière" }, ["studio.settings"]],
    ["location", "insert", { name: "Lyon" }, ["location.manage"]],
    ["room", "update", { hourlyRateCents: 9000 }, ["room.manage"]],
    ["equipment", "update", { quantity: 3 }, ["equipment.manage"]],
    ["staff", "insert", { name: "Hugo" }, ["staff.manage"]],
    ["booking", "insert", { title: "Session", status: "confirmed" }, ["booking.create"]],
    ["booking", "insert", { title: "Back-filled", overridePast: 1 }, ["booking.create", "booking.override_past"]],
    ["booking", "update", { startsAt: 1, endsAt: 2 }, ["booking.edit"]],
    ["booking", "update", { status: "confirmed" }, ["booking.edit"]],
    ["booking", "update", { status: "cancelled", cancelledAt: "2026-10-25T01:30:00.000Z", cancellationFeeCents: 0 }, ["booking.cancel"]],
    ["booking", "update", { status: "no_show" }, ["booking.cancel"]],
    ["booking", "update", { notes: "Take 3 was the one" }, ["booking.notes"]],
    ["booking", "update", { notes: "moved", startsAt: 5 }, ["booking.notes", "booking.edit"]],
    ["booking", "update", { paidCents: 3600 }, ["payment.record"]],
    ["booking_series", "insert", { rule: "FREQ=WEEKLY" }, ["booking.create"]],
    ["staff_time_off", "insert", { reason: "Holidays" }, ["staff.manage"]],
    ["equipment_maintenance", "update", { deletedAt: "2026-03-29T02:30:00.000Z" }, ["equipment.manage"]],
  ] as const)("%s %s %j needs %j", (entity, op, changes, needs) => {
    expect(mutationPermissions(entity, op, changes).sort()).toEqual([...needs].sort());
  });
});

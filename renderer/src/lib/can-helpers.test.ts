import { describe, expect, it } from "vitest";
import { canWith, type AccessView } from "./can-helpers";

const NOON = Date.UTC(2026, 10, 25, 12);
const view = (subject: AccessView["subject"]): AccessView => ({ subject, now: NOON });

describe("canWith", () => {
  it("allows nothing while access is unknown", () => {
    expect(canWith(undefined, "booking.view")).toBe(false);
  });

  it("the local owner (no account) may do everything", () => {
    const owner = view({ grants: [{ role: "owner", locationIds: null }], delegations: [] });
    expect(canWith(owner, "finance.view")).toBe(true);
    expect(canWith(owner, "users.manage")).toBe(true);
  });

  it("an engineer sees no money and manages nobody, but writes notes", () => {
    const engineer = view({ grants: [{ role: "engineer", locationIds: null }], delegations: [] });
    expect(canWith(engineer, "finance.view")).toBe(false);
    expect(canWith(engineer, "users.manage")).toBe(false);
    expect(canWith(engineer, "booking.create", "paris")).toBe(false);
    expect(canWith(engineer, "booking.notes", "paris")).toBe(true);
  });

  it("a scoped front desk books at its location only; studio-wide things reach it", () => {
    const desk = view({ grants: [{ role: "front_desk", locationIds: ["paris"] }], delegations: [] });
    expect(canWith(desk, "booking.create", "paris")).toBe(true);
    expect(canWith(desk, "booking.create", "london")).toBe(false);
    expect(canWith(desk, "client.manage")).toBe(true);
  });

  it("a delegation ends when the core's clock, aged by the time since it answered, reaches it", () => {
    const lent = view({ grants: [{ role: "viewer", locationIds: null }], delegations: [{ permissions: ["finance.view"], locationIds: null, expiresAt: NOON + 60_000 }] });
    expect(canWith(lent, "finance.view", null, 59_999)).toBe(true);
    expect(canWith(lent, "finance.view", null, 60_000)).toBe(false);
    expect(canWith(lent, "finance.view", null, -5_000)).toBe(true);
  });
});

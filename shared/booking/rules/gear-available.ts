import { wallDate, wallTime } from "../../zoned-time";
import type { BookingFailure, CandidateBooking, CheckContext, EquipmentInfo, Interval } from "../booking-types";
import { overlaps } from "../intervals";
import { ruleFailure } from "../rule-failure";
import { blockingOverlaps } from "./occupancy";

interface Use extends Interval {
  quantity: number;
  bookingId: string | null;
  label: string;
}

/**
 * The most units in use at any one moment of `window`, and the bookings in use then. Bookings that
 * do not overlap each other do not add up: two morning and evening sessions of one unit each
 * leave one of two units free all day.
 */
export function peakUse(uses: readonly Use[], window: Interval): { peak: number; at: Use[] } {
  const events: { t: number; delta: number; use: Use }[] = [];
  for (const u of uses) {
    const startMs = Math.max(u.startMs, window.startMs);
    const endMs = Math.min(u.endMs, window.endMs);
    if (endMs <= startMs) continue;
    events.push({ t: startMs, delta: u.quantity, use: u }, { t: endMs, delta: -u.quantity, use: u });
  }
  // Half-open spans: at one instant, what ends is released before what starts is counted.
  events.sort((a, b) => a.t - b.t || a.delta - b.delta);
  let current = 0;
  let peak = 0;
  const active = new Set<Use>();
  let at: Use[] = [];
  for (const e of events) {
    current += e.delta;
    if (e.delta > 0) active.add(e.use);
    else active.delete(e.use);
    if (current > peak) {
      peak = current;
      at = [...active];
    }
  }
  return { peak, at };
}

/**
 * Rule 7: each piece of gear is at the booking's location and active, not wholly in maintenance,
 * and enough units are free at every moment of the booking, counting other active bookings and
 * units out for maintenance.
 */
export function checkGear(c: CandidateBooking, occupied: Interval, ctx: CheckContext): BookingFailure[] {
  const out: BookingFailure[] = [];
  const tz = ctx.location.timeZone;
  const others = blockingOverlaps(c, occupied, ctx);
  for (const line of c.equipment) {
    const gear: EquipmentInfo | undefined = ctx.equipment.find((g) => g.id === line.equipmentId);
    const equipmentId = line.equipmentId;
    if (!gear || !gear.active || gear.locationId !== c.locationId) {
      out.push(ruleFailure("GEAR_UNAVAILABLE", { gear: gear?.name ?? equipmentId }, { equipmentId }));
      continue;
    }
    const windows = ctx.maintenance.filter((m) => m.equipmentId === equipmentId && overlaps(m, occupied));
    const whole = windows.find((m) => m.quantity === null || m.quantity >= gear.quantity);
    if (whole) {
      const date = wallDate(tz, whole.startMs);
      const params = {
        gear: gear.name,
        from: `${date} ${wallTime(tz, whole.startMs)}`,
        to: `${wallDate(tz, whole.endMs)} ${wallTime(tz, whole.endMs)}`,
        reason: whole.reason ?? "",
      };
      out.push(ruleFailure("GEAR_MAINTENANCE", params, { equipmentId, date }));
      continue;
    }
    const uses: Use[] = [
      ...others.flatMap((e) =>
        e.equipment
          .filter((l) => l.equipmentId === equipmentId)
          .map((l) => ({ startMs: e.occupiedFromMs, endMs: e.occupiedUntilMs, quantity: l.quantity, bookingId: e.id, label: e.label })),
      ),
      ...windows.map((m) => ({ startMs: m.startMs, endMs: m.endMs, quantity: m.quantity ?? gear.quantity, bookingId: null, label: m.reason ?? "" })),
    ];
    const { peak, at } = peakUse(uses, occupied);
    if (peak + line.quantity <= gear.quantity) continue;
    const booking = at.find((u) => u.bookingId !== null);
    const params = {
      gear: gear.name,
      requested: line.quantity,
      available: Math.max(0, gear.quantity - peak),
      by: at.map((u) => u.label).filter(Boolean).join(", "),
    };
    out.push(
      ruleFailure("GEAR_SHORTAGE", params, {
        equipmentId,
        ...(booking?.bookingId ? { conflictingBookingId: booking.bookingId } : {}),
        date: wallDate(tz, booking ? Math.max(booking.startMs, occupied.startMs) : c.startMs),
      }),
    );
  }
  return out;
}

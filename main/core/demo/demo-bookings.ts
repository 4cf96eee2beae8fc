import { addDays, wallDate, zonedToInstant } from "../../../shared/zoned-time";
import type { BookingType } from "../../../shared/booking/booking-status";
import type { StudioCore } from "../studio-core";

/** What the demo studio's bookings are made of, per location. */
export interface DemoBookingSite {
  locationId: string;
  timeZone: string;
  roomIds: string[];
  engineerIds: string[];
  gearIds: string[];
}

/** A day's sessions in one room, by pattern: local start, end and booking type. */
const PATTERNS: [string, string, BookingType][][] = [
  [["10:00", "14:00", "half_day"], ["15:00", "19:00", "half_day"]],
  [["11:00", "19:00", "day"]],
  [["14:00", "17:00", "hourly"]],
  [],
  [["10:00", "13:00", "hourly"], ["19:30", "22:00", "hourly"]],
  [["13:00", "18:00", "hourly"]],
];

const TITLES = [
  "Album « Minuit » — prises batterie", "Mix EP", "Voix off publicité", "Podcast, épisode 12", "Répétition tournée",
  "Mastering single", "Enregistrement quatuor", "Overdubs guitares", "Session live", "Bande originale — cordes",
];

/** Past days shown, and days ahead. */
export const DEMO_DAYS_BACK = 14;
export const DEMO_DAYS_AHEAD = 21;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * A few weeks of bookings around today, made through the booking service like the front desk
 * would, so each one passes every rule: completed sessions behind, one under way, confirmed ones
 * ahead with two holds and one cancellation. A slot a rule refuses (a closed day, a room's notice,
 * an engineer already booked) is left free rather than forced in.
 */
export function seedDemoBookings(core: StudioCore, sites: DemoBookingSite[], clientIds: string[]): void {
  const nowMs = core.now();
  let n = 0;
  // Upcoming bookings made so far: the 2nd and 5th are holds, the 3rd is cancelled.
  let upcoming = 0;
  for (const site of sites) {
    const today = wallDate(site.timeZone, nowMs);
    for (let day = -DEMO_DAYS_BACK; day <= DEMO_DAYS_AHEAD; day++) {
      const date = addDays(today, day);
      site.roomIds.forEach((roomId, r) => {
        for (const [from, to, type] of PATTERNS[(day + DEMO_DAYS_BACK + 2 * r) % PATTERNS.length]!) {
          const startMs = zonedToInstant(site.timeZone, date, minutes(from));
          const endMs = zonedToInstant(site.timeZone, date, minutes(to));
          n++;
          const base = {
            locationId: site.locationId,
            roomIds: [roomId],
            clientId: n % 9 === 0 ? null : clientIds[(n * 7) % clientIds.length]!,
            title: TITLES[n % TITLES.length]!,
            type,
            startsAt: new Date(startMs).toISOString(),
            endsAt: new Date(endMs).toISOString(),
            equipment: n % 4 === 0 && site.gearIds.length > 0 ? [{ equipmentId: site.gearIds[n % site.gearIds.length]!, quantity: 1 }] : [],
            overridePast: startMs < nowMs,
          };
          const future = startMs > nowMs;
          const status = future && (upcoming === 1 || upcoming === 4) ? "hold" : "confirmed";
          // The first engineer free at that time, else a dry hire.
          const engineers = [...site.engineerIds.slice(n % site.engineerIds.length), ...site.engineerIds.slice(0, n % site.engineerIds.length)];
          const staffIds = [...engineers.map((id) => [id]), []].find((ids) => core.bookings.check({ ...base, staffIds: ids }).ok);
          if (!staffIds) continue;
          const { booking } = core.bookings.create({ ...base, staffIds, type: staffIds.length === 0 ? "dry_hire" : type, status });
          if (future) upcoming++;
          settle(core, booking.id, booking.price.totalCents, booking.price.depositCents, { startMs, endMs, nowMs, n, upcoming, future });
        }
      });
    }
  }
}

/** Moves a demo booking along its life according to where it sits relative to now. */
function settle(
  core: StudioCore,
  id: string,
  totalCents: number,
  depositCents: number,
  at: { startMs: number; endMs: number; nowMs: number; n: number; upcoming: number; future: boolean },
): void {
  const b = core.bookings;
  // Money is received from a client: a booking without one (a maintenance slot) takes no payment.
  const paying = core.bookings.get(id).clientId !== null;
  if (at.future) {
    if (at.upcoming === 3) {
      b.cancel({ id, reason: "Artiste malade" });
      return;
    }
    if (paying && at.n % 3 === 0 && core.bookings.get(id).status === "confirmed") b.recordPayment({ id, amountCents: depositCents });
    return;
  }
  b.setStatus({ id, status: "checked_in" });
  if (at.endMs <= at.nowMs) {
    b.setStatus({ id, status: "completed" });
    // Most past sessions are paid; a few are left owing, as in any studio.
    if (paying && at.n % 11 !== 0) b.recordPayment({ id, amountCents: totalCents });
  }
}

import type { WeeklyHours } from "../schemas/opening-hours";
import { zonedToInstant } from "../zoned-time";
import type { CandidateBooking, CheckContext, ExistingBooking, LocationInfo, RoomInfo } from "./booking-types";

/** Hand-written contexts for the rule tables (only *.test.ts files import this). */

export const PARIS_HOURS: WeeklyHours = {
  mon: [{ open: "10:00", close: "22:00" }],
  tue: [{ open: "10:00", close: "22:00" }],
  wed: [{ open: "10:00", close: "22:00" }],
  thu: [{ open: "10:00", close: "22:00" }],
  fri: [{ open: "10:00", close: "24:00" }],
  // Late nights: Friday and Saturday sessions may run until 02:00.
  sat: [{ open: "00:00", close: "02:00" }, { open: "10:00", close: "24:00" }],
  sun: [{ open: "00:00", close: "02:00" }],
};

export const PARIS: LocationInfo = {
  id: "loc-paris",
  name: "Lumière Paris",
  timeZone: "Europe/Paris",
  openingHours: PARIS_HOURS,
  closures: [
    { from: "2026-06-13", to: "2026-06-13", reason: "Fête de la musique" },
    { from: "2026-12-24", to: "2026-12-26", reason: "Noël" },
  ],
};

export const NEW_YORK: LocationInfo = {
  id: "loc-ny",
  name: "Lumière Brooklyn",
  timeZone: "America/New_York",
  openingHours: {
    mon: [{ open: "10:00", close: "22:00" }],
    tue: [{ open: "10:00", close: "22:00" }],
    wed: [{ open: "10:00", close: "22:00" }],
    thu: [{ open: "10:00", close: "22:00" }],
    fri: [{ open: "10:00", close: "22:00" }],
    sat: [{ open: "10:00", close: "24:00" }],
    sun: [{ open: "00:00", close: "24:00" }],
  },
  closures: [],
};

const room = (over: Partial<RoomInfo> & Pick<RoomInfo, "id" | "name">): RoomInfo => ({
  locationId: PARIS.id, active: true, bookable: true, setupMinutes: 0, teardownMinutes: 0,
  minDurationMinutes: 30, maxDurationMinutes: 20_160, minNoticeMinutes: 0, maxHorizonDays: 730,
  hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000, vatRateBp: 2000, ...over,
});

export const ROOMS: RoomInfo[] = [
  room({ id: "room-a", name: "Studio A", setupMinutes: 30, teardownMinutes: 30 }),
  room({ id: "room-b", name: "Studio B", setupMinutes: 15, teardownMinutes: 15 }),
  room({ id: "room-booth", name: "Cabine", bookable: false }),
  room({ id: "room-old", name: "Ancienne salle", active: false }),
  room({ id: "room-ny", name: "Live Room", locationId: NEW_YORK.id }),
];

/** 1 June 2026, 11:00 in Paris (a Monday). */
export const NOW = Date.UTC(2026, 5, 1, 9, 0);

/** "2026-06-03 14:00" on the wall clock of the zone → instant. */
export function at(text: string, timeZone = PARIS.timeZone): number {
  const [date, time] = text.split(" ") as [string, string];
  return zonedToInstant(timeZone, date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
}

export function candidate(over: Partial<CandidateBooking> = {}): CandidateBooking {
  return {
    id: null, locationId: PARIS.id, roomIds: ["room-a"], staffIds: [], equipment: [], clientId: null, type: "hourly",
    startMs: at("2026-06-03 14:00"), endMs: at("2026-06-03 16:00"), previous: null, ...over,
  };
}

export function context(over: Partial<CheckContext> = {}): CheckContext {
  return {
    nowMs: NOW, overridePast: false, location: PARIS, rooms: ROOMS,
    staff: [
      { id: "staff-camille", name: "Camille Rousseau", active: true, hourlyRateCents: 4500, dayRateCents: 32000 },
      { id: "staff-hugo", name: "Hugo Lefèvre", active: true, hourlyRateCents: 4000, dayRateCents: 28000 },
      { id: "staff-gone", name: "Ancien stagiaire", active: false, hourlyRateCents: 0, dayRateCents: 0 },
    ],
    equipment: [
      { id: "gear-u87", name: "Neumann U 87", locationId: PARIS.id, active: true, quantity: 2, dailyRateCents: 4000 },
      { id: "gear-la2a", name: "Teletronix LA-2A", locationId: PARIS.id, active: true, quantity: 1, dailyRateCents: 3500 },
      { id: "gear-dt770", name: "Casque DT 770", locationId: PARIS.id, active: true, quantity: 12, dailyRateCents: 300 },
      { id: "gear-london", name: "Neve 1073", locationId: "loc-london", active: true, quantity: 4, dailyRateCents: 3000 },
    ],
    existing: [], timeOff: [], maintenance: [], client: null, unpaidLimitCents: null, ...over,
  };
}

/** Another booking, with its occupancy computed from its rooms' buffers like the core stores it. */
export function existing(over: Partial<ExistingBooking> & Pick<ExistingBooking, "id" | "startMs" | "endMs">): ExistingBooking {
  const roomIds = over.roomIds ?? ["room-a"];
  const rooms = ROOMS.filter((r) => roomIds.includes(r.id));
  const setup = Math.max(0, ...rooms.map((r) => r.setupMinutes));
  const teardown = Math.max(0, ...rooms.map((r) => r.teardownMinutes));
  return {
    label: "Label Nuit Blanche", status: "confirmed", holdExpiresMs: null, roomIds, staffIds: [], equipment: [],
    occupiedFromMs: over.startMs - setup * 60_000, occupiedUntilMs: over.endMs + teardown * 60_000, ...over,
  };
}

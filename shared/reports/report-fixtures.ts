import type { WeeklyHours } from "../schemas/opening-hours";
import { zonedToInstant } from "../zoned-time";
import type { EngineerLine } from "./engineer-hours";
import type { ReportBooking } from "./report-booking";

/**
 * A small Paris studio for the report tests (only *.test.ts files import this), over the week clocks
 * go forward (Monday 23 – Sunday 29 March 2026, 167 hours). Every expected figure in the tests is
 * worked out by hand from these rows in the comments beside them.
 */
export const TZ = "Europe/Paris";
export const WEEK = { from: "2026-03-23", to: "2026-03-30" };
export const PREVIOUS_WEEK = { from: "2026-03-16", to: "2026-03-23" };

export const LOC = "00000000-0000-7000-8000-00000000000a";
export const ROOM_A = "00000000-0000-7000-8000-0000000000a1";
export const ROOM_B = "00000000-0000-7000-8000-0000000000b1";
export const CAMILLE = "00000000-0000-7000-8000-0000000000e1";
export const HUGO = "00000000-0000-7000-8000-0000000000e2";
export const LABEL = "00000000-0000-7000-8000-0000000000c1";
export const HELOISE = "00000000-0000-7000-8000-0000000000c2";

const day = [{ open: "10:00", close: "22:00" }];
/**
 * Weekdays 10:00–22:00; Saturday 10:00 until Sunday 04:00, so the Saturday night runs through the
 * jump (Sunday 00:00–04:00 is 3 real hours); closed on Wednesday 25 March. Open per room this
 * week: 4 × 12 h + 14 h + 3 h = 65 h.
 */
export const HOURS: WeeklyHours = { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [{ open: "10:00", close: "24:00" }], sun: [{ open: "00:00", close: "04:00" }] };
export const CLOSURES = [{ from: "2026-03-25", to: "2026-03-25", reason: "Inventaire" }];

export const at = (date: string, time: string): number => zonedToInstant(TZ, date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));

const id = (n: number) => `00000000-0000-7000-8000-00000000b00${n}`;
const booking = (n: number, fields: Partial<ReportBooking> & Pick<ReportBooking, "startMs" | "endMs" | "status">): ReportBooking => ({
  id: id(n), locationId: LOC, roomIds: [ROOM_A], staffIds: [], clientId: null, type: "hourly", netCents: 0, vatCents: 0, totalCents: 0, feeCents: 0, ...fields,
});

export const BOOKINGS: ReportBooking[] = [
  // 1. Monday 10–14, a half day in A with Camille for the label: 340 € + 20 %.
  booking(1, { startMs: at("2026-03-23", "10:00"), endMs: at("2026-03-23", "14:00"), status: "completed", type: "half_day", staffIds: [CAMILLE], clientId: LABEL, netCents: 34_000, vatCents: 6_800, totalCents: 40_800 }),
  // 2. Tuesday 14–20 in both rooms with both engineers for Héloïse: an odd cent to share out.
  booking(2, { startMs: at("2026-03-24", "14:00"), endMs: at("2026-03-24", "20:00"), status: "completed", roomIds: [ROOM_A, ROOM_B], staffIds: [CAMILLE, HUGO], clientId: HELOISE, netCents: 50_001, vatCents: 10_000, totalCents: 60_001 }),
  // 3. Saturday 22:00 to Sunday 03:00 in B across the jump: 4 real hours.
  booking(3, { startMs: at("2026-03-28", "22:00"), endMs: at("2026-03-29", "03:00"), status: "confirmed", roomIds: [ROOM_B], clientId: LABEL, netCents: 38_000, vatCents: 7_600, totalCents: 45_600 }),
  // 4. Wednesday 12–15 in A, the closed day (back-filled): revenue, but booked outside opening hours.
  booking(4, { startMs: at("2026-03-25", "12:00"), endMs: at("2026-03-25", "15:00"), status: "confirmed", netCents: 28_500, vatCents: 5_700, totalCents: 34_200 }),
  // 5. Thursday 10–12 in A, cancelled: half of a 228 € session kept.
  booking(5, { startMs: at("2026-03-26", "10:00"), endMs: at("2026-03-26", "12:00"), status: "cancelled", clientId: HELOISE, netCents: 19_000, vatCents: 3_800, totalCents: 22_800, feeCents: 11_400 }),
  // 6. Friday 18–22 in B with Hugo, no-show: the whole session kept.
  booking(6, { startMs: at("2026-03-27", "18:00"), endMs: at("2026-03-27", "22:00"), status: "no_show", roomIds: [ROOM_B], staffIds: [HUGO], clientId: LABEL, netCents: 38_000, vatCents: 7_600, totalCents: 45_600, feeCents: 45_600 }),
  // 7. Friday 10–13, a hold: not sold, counted nowhere.
  booking(7, { startMs: at("2026-03-27", "10:00"), endMs: at("2026-03-27", "13:00"), status: "hold", clientId: LABEL, netCents: 28_500, vatCents: 5_700, totalCents: 34_200 }),
  // 8. Monday 30 March: the next week, outside the period.
  booking(8, { startMs: at("2026-03-30", "10:00"), endMs: at("2026-03-30", "12:00"), status: "confirmed", clientId: LABEL, netCents: 19_000, vatCents: 3_800, totalCents: 22_800 }),
  // 9. Monday 16 March: the previous week, for the comparison.
  booking(9, { startMs: at("2026-03-16", "10:00"), endMs: at("2026-03-16", "12:00"), status: "completed", clientId: HELOISE, netCents: 19_000, vatCents: 3_800, totalCents: 22_800 }),
];

/** Deposit due and paid on the bookings that have one (30 % of the total), for the deposits report. */
export const DEPOSITS: Record<string, [depositCents: number, paidCents: number]> = {
  [id(3)]: [13_680, 13_680],
  [id(4)]: [10_260, 0],
  [id(7)]: [10_260, 0],
  [id(8)]: [6_840, 10_000],
};

/** The engineers' price lines: Camille billed on booking 1, free (in-house) on 2; Hugo billed on 2 and 6. */
export const ENGINEER_LINES: EngineerLine[] = [
  { bookingId: id(1), staffId: CAMILLE, netCents: 18_000 },
  { bookingId: id(2), staffId: CAMILLE, netCents: 0 },
  { bookingId: id(2), staffId: HUGO, netCents: 27_000 },
  { bookingId: id(6), staffId: HUGO, netCents: 18_000 },
];

import { afterEach } from "vitest";
import { zonedToInstant } from "../../../../shared/zoned-time";
import { AppError } from "../../errors";
import { createStudioCore, type StudioCore } from "../../studio-core";
import { SETUP, T0, equipmentInput, manualClock, roomInput, staffInput, tempDir } from "../../test-fixtures";

/** A studio on a real SQLite file for the booking service tests (only *.test.ts files import this). */

export const PARIS_TZ = "Europe/Paris";

/** "2026-06-03 14:00" on Paris' wall clock → ISO UTC instant, as the calendar sends it. */
export function paris(text: string, timeZone = PARIS_TZ): string {
  const [date, time] = text.split(" ") as [string, string];
  return new Date(zonedToInstant(timeZone, date, Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)))).toISOString();
}

export interface BookingWorld {
  core: StudioCore;
  clock: ReturnType<typeof manualClock>;
  locationId: string;
  /** Studio A: 95 €/h, 340 € half day, 620 € day, 30 min setup and teardown. */
  studioA: string;
  /** Studio B: 70 €/h, 15 min buffers. */
  studioB: string;
  camille: string;
  hugo: string;
  /** Two Neumann U 87s at 40 €/day. */
  u87: string;
  labelClient: string;
  heloise: string;
  close(): void;
}

/**
 * Lumière Paris, open Monday to Friday 10:00–22:00 and Friday and Saturday nights until 02:00,
 * closed on Sundays and on 13 June 2026; "now" is Monday 1 June 2026, 11:00 in Paris.
 */
export function bookingWorld(start = T0): BookingWorld {
  const tmp = tempDir("rsm-booking-");
  const clock = manualClock(start);
  const core = createStudioCore({ databaseFile: tmp.file(), now: clock.now });
  core.studio.setup(SETUP);
  const locationId = core.locations.list()[0]!.id;
  const day = [{ open: "10:00", close: "22:00" }];
  core.locations.update(locationId, {
    openingHours: {
      mon: day, tue: day, wed: day, thu: day,
      fri: [{ open: "10:00", close: "24:00" }],
      sat: [{ open: "00:00", close: "02:00" }, { open: "10:00", close: "24:00" }],
      sun: [{ open: "00:00", close: "02:00" }],
    },
    closures: [{ from: "2026-06-13", to: "2026-06-13", reason: "Fête de la musique" }],
  });
  const studioA = core.rooms.list()[0]!.id;
  const studioB = core.rooms.create(roomInput(locationId)).id;
  const camille = core.staff.create(staffInput({ locationId })).id;
  const hugo = core.staff.create(staffInput({ name: "Hugo Lefèvre", email: "hugo@studio-lumiere.fr", hourlyRateCents: 4000, dayRateCents: 28000, locationId })).id;
  const u87 = core.equipment.create(equipmentInput(locationId)).id;
  const labelClient = core.clients.create({ kind: "company", name: "Label Nuit Blanche", contactName: "Sarah Cohen" }).id;
  const heloise = core.clients.create({ kind: "person", name: "Héloïse Mercier", defaultDepositBp: 5000 }).id;
  return {
    core, clock, locationId, studioA, studioB, camille, hugo, u87, labelClient, heloise,
    close: () => {
      if (core.db.open) core.close();
      tmp.cleanup();
    },
  };
}

/** A booking input at Lumière Paris in Studio A unless told otherwise. */
export function bookingAt(w: BookingWorld, start: string, end: string, over: Record<string, unknown> = {}) {
  return { locationId: w.locationId, roomIds: [w.studioA], startsAt: paris(start), endsAt: paris(end), ...over };
}

/** A bookingWorld factory for one test file: every world it makes is closed after each test. */
export function bookingWorlds(): (start?: number) => BookingWorld {
  const open: BookingWorld[] = [];
  afterEach(() => {
    for (const w of open.splice(0)) w.close();
  });
  return (start) => {
    const w = bookingWorld(start);
    open.push(w);
    return w;
  };
}

/** The app code a core call throws, "no error" when it succeeds (for tables of refusals). */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
  return "no error";
}

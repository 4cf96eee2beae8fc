import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { blocksUntil, type BookingStatus } from "../shared/booking/booking-status";
import { uuidv7 } from "../shared/ids";
import { defaultWeeklyHours } from "../shared/schemas/opening-hours";
import { addDays, mondayOf, zonedToInstant } from "../shared/zoned-time";
import { createStudioCore, type StudioCore } from "../main/core/studio-core";
import { fmt, percentile, random, timeEach } from "./stats";

/**
 * The booking engine on a studio's worst realistic day: 100,000 bookings over 50 rooms and 3 years
 * in the local SQLite file. Measures the availability check of one candidate (the service's check
 * path: validation, context queries, every rule, the price) and the week view of one location,
 * against a bare indexed range query on the same bookings table, in the same run.
 */

const LOCATIONS = [
  ["Paris", "Europe/Paris"], ["London", "Europe/London"], ["Brooklyn", "America/New_York"], ["Berlin", "Europe/Berlin"], ["Montréal", "America/Toronto"],
] as const;
const ROOMS_PER_LOCATION = 10;
const ENGINEERS_PER_LOCATION = 8;
const GEAR_PER_LOCATION = 6;
const FIRST_DAY = "2025-01-01";
const DAYS = 3 * 365;
const BOOKINGS = 100_000;
/** "Now" for the run: the middle of the three years, so the calendar has a past and a future. */
const NOW = Date.UTC(2026, 5, 15, 9);
const H = 3_600_000;

interface Site {
  locationId: string;
  timeZone: string;
  rooms: string[];
  engineers: string[];
  gear: string[];
}

function buildStudio(core: StudioCore): { sites: Site[]; clients: string[] } {
  core.studio.createStudio({ name: "Bench", currency: "EUR" });
  const hours = defaultWeeklyHours();
  const always = { ...hours, sat: hours.mon, sun: hours.mon };
  const sites = LOCATIONS.map(([name, timeZone], l) => {
    const locationId = core.locations.create({ name: `Lumière ${name}`, timeZone, openingHours: always, closures: [] }).id;
    const rooms = Array.from({ length: ROOMS_PER_LOCATION }, (_, r) =>
      core.rooms.create({
        locationId, name: `Room ${l}-${r}`, type: "recording", hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000,
        vatRateBp: 2000, capacity: 8, colour: "#c2410c", bookable: true, setupMinutes: 30, teardownMinutes: 30, maxHorizonDays: 3650,
      }).id,
    );
    const engineers = Array.from({ length: ENGINEERS_PER_LOCATION }, (_, e) =>
      core.staff.create({ name: `Engineer ${l}-${e}`, role: "engineer", hourlyRateCents: 4500, dayRateCents: 32000, locationId, colour: "#0ea5e9" }).id,
    );
    const gear = Array.from({ length: GEAR_PER_LOCATION }, (_, g) =>
      core.equipment.create({ locationId, name: `Mic ${l}-${g}`, category: "microphone", quantity: 1 + (g % 4), dailyRateCents: 4000 }).id,
    );
    return { locationId, timeZone, rooms, engineers, gear };
  });
  const clients = Array.from({ length: 200 }, (_, i) => core.clients.create({ kind: "person", name: `Client ${i}` }).id);
  return { sites, clients };
}

/** 100,000 bookings written straight with prepared INSERTs in one transaction, with their index rows. */
function generateBookings(core: StudioCore, sites: Site[], clients: string[]): void {
  const db = core.db;
  const tenant = core.studio.tenantId();
  const insert = db.prepare(
    `INSERT INTO bookings (id, tenant_id, created_at, updated_at, location_id, room_ids, staff_ids, equipment, client_id, title, type, status,
       starts_at, ends_at, occupied_from, occupied_until, hold_expires_at, currency, net_cents, vat_cents, total_cents, deposit_bp, deposit_cents,
       paid_cents, unpaid_cents)
     VALUES (?, ?, '2025-01-01T00:00:00.000Z', '000001735689600000:00000:bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, 3000, ?, ?, ?)`,
  );
  const room = db.prepare("INSERT INTO booking_rooms (room_id, occupied_from, booking_id, occupied_until, blocks_until) VALUES (?, ?, ?, ?, ?)");
  const staff = db.prepare("INSERT INTO booking_staff (staff_id, occupied_from, booking_id, occupied_until, blocks_until) VALUES (?, ?, ?, ?, ?)");
  const gear = db.prepare("INSERT INTO booking_equipment (equipment_id, occupied_from, booking_id, occupied_until, blocks_until, quantity) VALUES (?, ?, ?, ?, ?, 1)");
  const next = random(7);
  const perRoom = BOOKINGS / (sites.length * ROOMS_PER_LOCATION);
  db.transaction(() => {
    for (const site of sites) {
      // One conversion per local day: sessions between 10:00 and 19:00 never meet a DST jump.
      const tenAm = Array.from({ length: DAYS }, (_, d) => zonedToInstant(site.timeZone, addDays(FIRST_DAY, d), 600));
      site.rooms.forEach((roomId, r) => {
        let made = 0;
        for (let d = 0; made < perRoom && d < DAYS; d++) {
          // Two half days most days, one long session every sixth: 2,000 bookings a room in three years.
          const sessions: [number, number][] = (d + r) % 6 === 0 ? [[1, 8]] : [[0, 4], [5, 9]];
          for (const [from, to] of sessions) {
            if (made >= perRoom) break;
            const startMs = tenAm[d]! + from * H;
            const endMs = tenAm[d]! + to * H;
            const roll = next();
            const status: BookingStatus =
              roll < 0.03 ? "cancelled" : endMs <= NOW ? "completed" : roll < 0.05 ? "hold" : "confirmed";
            const holdExpires = status === "hold" ? NOW + 48 * H : null;
            const until = blocksUntil(status, holdExpires);
            const engineer = r < ENGINEERS_PER_LOCATION ? site.engineers[r]! : null;
            const mic = roll > 0.75 ? site.gear[Math.floor(next() * site.gear.length)]! : null;
            const net = 9500 * (to - from);
            const total = Math.round(net * 1.2);
            const id = uuidv7(startMs);
            const paid = status === "completed" && roll > 0.1 ? total : 0;
            insert.run(
              id, tenant, site.locationId, JSON.stringify([roomId]), JSON.stringify(engineer ? [engineer] : []),
              JSON.stringify(mic ? [{ equipmentId: mic, quantity: 1 }] : []), clients[Math.floor(next() * clients.length)]!, `Session ${made}`,
              to - from >= 8 ? "day" : "half_day", status, startMs, endMs, startMs - 30 * 60_000, endMs + 30 * 60_000, holdExpires,
              net, total - net, total, Math.round(total * 0.3), paid, status === "completed" ? total - paid : 0,
            );
            room.run(roomId, startMs - 30 * 60_000, id, endMs + 30 * 60_000, until);
            if (engineer) staff.run(engineer, startMs - 30 * 60_000, id, endMs + 30 * 60_000, until);
            if (mic) gear.run(mic, startMs - 30 * 60_000, id, endMs + 30 * 60_000, until);
            made++;
          }
        }
      });
    }
  })();
  db.exec("ANALYZE");
}

export function benchBooking(checks = 3000, weeks = 600): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-bench-booking-"));
  try {
    const core = createStudioCore({ databaseFile: path.join(dir, "booking.sqlite"), now: () => NOW });
    const { sites, clients } = buildStudio(core);
    const genStart = performance.now();
    generateBookings(core, sites, clients);
    const genSeconds = (performance.now() - genStart) / 1000;
    const total = core.db.prepare("SELECT count(*) FROM bookings").pluck().get() as number;

    const next = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    // Candidates as the desk drags them: ahead of "now", any half hour from 10:00 to 20:00, 1 to 3 hours,
    // so some land on free evenings and most on a busy day.
    const today = Math.floor((NOW - Date.parse(`${FIRST_DAY}T00:00:00Z`)) / (24 * H));
    const candidates = Array.from({ length: checks }, () => {
      const site = pick(sites);
      const date = addDays(FIRST_DAY, today + 1 + Math.floor(next() * (DAYS - today - 1)));
      const startMs = zonedToInstant(site.timeZone, date, 600 + Math.floor(next() * 21) * 30);
      const hours = 1 + Math.floor(next() * 3);
      return {
        candidate: {
          locationId: site.locationId, roomIds: [pick(site.rooms)], staffIds: next() < 0.7 ? [pick(site.engineers)] : [],
          equipment: next() < 0.4 ? [{ equipmentId: pick(site.gear), quantity: 1 }] : [], clientId: pick(clients),
          startsAt: new Date(startMs).toISOString(), endsAt: new Date(startMs + hours * H).toISOString(),
        },
        locationId: site.locationId, startMs, endMs: startMs + hours * H,
      };
    });
    const weekInputs = Array.from({ length: weeks }, () => ({ date: mondayOf(addDays(FIRST_DAY, Math.floor(next() * DAYS))), days: 7, locationId: pick(sites).locationId }));
    const raw = core.db.prepare("SELECT id, starts_at, ends_at, status FROM bookings WHERE location_id = ? AND starts_at >= ? AND starts_at < ?");

    // Warm the statement cache and SQLite's page cache, then measure.
    for (let i = 0; i < 200; i++) {
      core.bookings.check(candidates[i]!.candidate);
      core.bookings.view(weekInputs[i % weekInputs.length]!);
      raw.all(candidates[i]!.locationId, candidates[i]!.startMs - 24 * H, candidates[i]!.endMs);
    }
    let refused = 0;
    const checkTimes = timeEach(checks, (i) => {
      if (!core.bookings.check(candidates[i]!.candidate).ok) refused++;
    });
    let shown = 0;
    const weekTimes = timeEach(weeks, (i) => {
      shown += core.bookings.view(weekInputs[i]!).bookings.length;
    });
    // The baseline: bookings of the candidate's location starting in the day before it and during it.
    const rawTimes = timeEach(checks, (i) => raw.all(candidates[i]!.locationId, candidates[i]!.startMs - 24 * H, candidates[i]!.endMs));
    core.close();

    const p99 = percentile(checkTimes, 99);
    const weekP99 = percentile(weekTimes, 99);
    const ratio = percentile(checkTimes, 50) / percentile(rawTimes, 50);
    return [
      `booking: ${total} bookings over ${sites.length * ROOMS_PER_LOCATION} rooms in ${sites.length} locations and ${DAYS} days, inserted in ${genSeconds.toFixed(1)} s`,
      `availability check (service check path, ${checks} candidates, ${refused} refused)  p50=${fmt(percentile(checkTimes, 50))} ms  p99=${fmt(p99)} ms`,
      `week view of one location (${weeks} weeks, ${(shown / weeks).toFixed(0)} bookings each)     p50=${fmt(percentile(weekTimes, 50))} ms  p99=${fmt(weekP99)} ms`,
      `bare indexed range query on bookings (same candidates)            p50=${fmt(percentile(rawTimes, 50))} ms  p99=${fmt(percentile(rawTimes, 99))} ms`,
      `(ratio_vs_raw = availability check p50 / bare range query p50; targets: check p99 < 2 ms, week p99 < 20 ms)`,
      `booking p99_ms=${fmt(p99)} week_p99_ms=${fmt(weekP99)} ratio_vs_raw=${ratio.toFixed(2)}`,
    ].join("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

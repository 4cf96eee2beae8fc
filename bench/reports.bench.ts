import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BookingStatus } from "../shared/booking/booking-status";
import { uuidv7 } from "../shared/ids";
import { defaultWeeklyHours } from "../shared/schemas/opening-hours";
import { addDays, zonedToInstant } from "../shared/zoned-time";
import { createStudioCore, type StudioCore } from "../main/core/studio-core";
import { ReportService } from "../main/core/services/reports/report-service";
import { fmt, percentile, random } from "./stats";

/**
 * The reports over 1,000,000 bookings in the local SQLite file: ten locations in their own time
 * zones, ten rooms each, three sessions a room a day for nine years. Measures the owner's
 * consolidated monthly revenue and utilisation reports (the service path: access, reads, the
 * zone-aware rules, names) for random months, against a bare SQL aggregate (count and sums over
 * the same rows, one indexed range per location) in the same run.
 */

const LOCATIONS = [
  ["Paris", "Europe/Paris"], ["London", "Europe/London"], ["Brooklyn", "America/New_York"], ["Berlin", "Europe/Berlin"], ["Montréal", "America/Toronto"],
  ["Madrid", "Europe/Madrid"], ["Los Angeles", "America/Los_Angeles"], ["Lisbon", "Europe/Lisbon"], ["Sydney", "Australia/Sydney"], ["Tokyo", "Asia/Tokyo"],
] as const;
const ROOMS_PER_LOCATION = 10;
const ENGINEERS_PER_LOCATION = 6;
const CLIENTS = 2000;
const BOOKINGS = 1_000_000;
const FIRST_DAY = "2018-01-01";
/** Three sessions a room a day: 10–13, 14–18, 19–23. */
const SESSIONS: readonly [number, number][] = [[0, 3], [4, 8], [9, 13]];
const DAYS = Math.ceil(BOOKINGS / (LOCATIONS.length * ROOMS_PER_LOCATION * SESSIONS.length));
const NOW = Date.UTC(2024, 5, 15, 9);
const H = 3_600_000;

interface Site {
  locationId: string;
  timeZone: string;
  rooms: string[];
  engineers: string[];
}

function buildStudio(core: StudioCore): { sites: Site[]; clients: string[] } {
  core.studio.createStudio({ name: "Bench", currency: "EUR" });
  const hours = defaultWeeklyHours();
  const sites = LOCATIONS.map(([name, timeZone], l) => {
    const locationId = core.locations.create({
      name: `Lumière ${name}`, timeZone, openingHours: { ...hours, sun: hours.sat }, closures: [{ from: "2020-12-24", to: "2020-12-26", reason: "Noël" }],
    }).id;
    const rooms = Array.from({ length: ROOMS_PER_LOCATION }, (_, r) =>
      core.rooms.create({
        locationId, name: `Room ${l}-${r}`, type: "recording", hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000,
        vatRateBp: 2000, capacity: 8, colour: "#c2410c", bookable: true, setupMinutes: 0, teardownMinutes: 0,
      }).id,
    );
    const engineers = Array.from({ length: ENGINEERS_PER_LOCATION }, (_, e) =>
      core.staff.create({ name: `Engineer ${l}-${e}`, role: "engineer", hourlyRateCents: 4500, dayRateCents: 32000, locationId, colour: "#0ea5e9" }).id,
    );
    return { locationId, timeZone, rooms, engineers };
  });
  const insertClient = core.db.prepare(
    "INSERT INTO clients (id, kind, name, tenant_id, created_at, updated_at) VALUES (?, 'person', ?, ?, '2018-01-01T00:00:00.000Z', '000001514764800000:00000:bench')",
  );
  const tenant = core.studio.tenantId();
  const clients = Array.from({ length: CLIENTS }, (_, i) => uuidv7(Date.UTC(2018, 0, 1) + i));
  core.db.transaction(() => clients.forEach((id, i) => insertClient.run(id, `Client ${i}`, tenant)))();
  return { sites, clients };
}

/** 1,000,000 bookings with prepared INSERTs in one transaction. */
function generateBookings(core: StudioCore, sites: Site[], clients: string[]): void {
  const db = core.db;
  const tenant = core.studio.tenantId();
  const insert = db.prepare(
    `INSERT INTO bookings (id, tenant_id, created_at, updated_at, location_id, room_ids, staff_ids, client_id, title, type, status,
       starts_at, ends_at, occupied_from, occupied_until, hold_expires_at, currency, net_cents, vat_cents, total_cents, deposit_bp, deposit_cents,
       paid_cents, cancellation_fee_cents, unpaid_cents)
     VALUES (?, ?, '2018-01-01T00:00:00.000Z', '000001514764800000:00000:bench', ?, ?, ?, ?, 'Session', ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, 3000, ?, ?, ?, 0)`,
  );
  const next = random(7);
  // Day by day across every room, so rows and their time-ordered ids arrive in time order, as a
  // studio's do: a month's bookings sit together in the file.
  const tenAm = sites.map((site) => Array.from({ length: DAYS }, (_, d) => zonedToInstant(site.timeZone, addDays(FIRST_DAY, d), 600)));
  const roomJson = sites.map((site) => site.rooms.map((id) => JSON.stringify([id])));
  let made = 0;
  // A bulk load, not the app's write path: no WAL copy of every page, a cache big enough for the
  // indexes; both set back afterwards so the reports are measured as the app opens the file.
  db.pragma("journal_mode = MEMORY");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -262144");
  // The table's secondary indexes are built once after the load (a sort) instead of row by row:
  // the same definitions, read back from the schema the migrations made.
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'bookings' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
  db.transaction(() => {
    for (let d = 0; d < DAYS && made < BOOKINGS; d++) {
      sites.forEach((site, l) => {
        site.rooms.forEach((_roomId, r) => {
          for (const [from, to] of SESSIONS) {
            if (made >= BOOKINGS) return;
            // Sessions from 10:00 to 23:00 never meet a DST jump, so hours add to 10:00's instant.
            const startMs = tenAm[l]![d]! + from * H;
            const endMs = tenAm[l]![d]! + to * H;
            const roll = next();
            const status: BookingStatus =
              roll < 0.04 ? "cancelled" : roll < 0.05 ? "no_show" : endMs <= NOW ? "completed" : roll < 0.08 ? "hold" : "confirmed";
            const engineer = (r + d) % 3 !== 0 ? site.engineers[(r + d) % site.engineers.length]! : null;
            const net = 9500 * (to - from) + (engineer ? 4500 * (to - from) : 0);
            const total = Math.round(net * 1.2);
            const fee = status === "cancelled" ? Math.round(total * 0.3) : status === "no_show" ? total : null;
            insert.run(
              uuidv7(startMs), tenant, site.locationId, roomJson[l]![r]!, engineer ? `["${engineer}"]` : "[]", clients[Math.floor(next() * clients.length)]!,
              to - from >= 4 ? "half_day" : "hourly", status, startMs, endMs, startMs, endMs, status === "hold" ? NOW + 48 * H : null,
              net, total - net, total, Math.round(total * 0.3), status === "completed" ? total : 0, fee,
            );
            made++;
          }
        });
      });
    }
  })();
  for (const { sql } of indexes) db.exec(sql);
  db.pragma("cache_size = -2000");
  db.pragma("synchronous = NORMAL");
  db.pragma("journal_mode = WAL");
  db.exec("ANALYZE");
}

/** The bench studio in `file`, filled with its million bookings. */
export function openBenchStudio(file: string): { core: StudioCore; sites: Site[]; genSeconds: number } {
  const core = createStudioCore({ databaseFile: file, now: () => NOW });
  const { sites, clients } = buildStudio(core);
  const genStart = performance.now();
  generateBookings(core, sites, clients);
  return { core, sites, genSeconds: (performance.now() - genStart) / 1000 };
}

/** Samples of the two reports and of the bare aggregate over the same months, in the same run. */
function measure(core: StudioCore, sites: Site[], months: { from: string; to: string }[]) {
  const reports = new ReportService(core.db, core.access, core.clock);
  const raw = core.db.prepare(
    "SELECT count(*) AS n, sum(net_cents) AS net, sum(vat_cents) AS vat, sum(total_cents) AS total, sum(cancellation_fee_cents) AS fees FROM bookings WHERE location_id = ? AND starts_at >= ? AND starts_at < ? AND deleted_at IS NULL",
  );
  const bare = (period: { from: string; to: string }) => {
    let n = 0;
    for (const s of sites) n += (raw.get(s.locationId, zonedToInstant(s.timeZone, period.from, 0, "clock"), zonedToInstant(s.timeZone, period.to, 0, "clock")) as { n: number }).n;
    return n;
  };
  const revenue = (i: number) => reports.revenue({ period: months[i % months.length]!, granularity: "day" });
  const utilisation = (i: number) => reports.utilisation({ period: months[i % months.length]!, granularity: "day" });
  for (let i = 0; i < 10; i++) {
    revenue(i);
    utilisation(i);
    bare(months[i % months.length]!);
  }
  // Month by month, the three in turns (the order rotating), so whichever reads a month first and
  // pays for its pages coming from disk is not always the same one.
  const times: number[][] = [[], [], []];
  const cpuMs = [0, 0, 0];
  let rows = 0;
  let rawRows = 0;
  const runs: ((i: number) => void)[] = [(i) => (rows += revenue(i).totals.bookings), (i) => utilisation(i), (i) => (rawRows += bare(months[i]!))];
  for (let i = 0; i < months.length; i++) {
    for (let k = 0; k < 3; k++) {
      const which = (i + k) % 3;
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      runs[which]!(i);
      times[which]!.push(Number(process.hrtime.bigint() - start) / 1e6);
      const used = process.cpuUsage(cpu);
      // CPU time beside wall time: on a shared machine the wall clock also counts other processes' turns.
      cpuMs[which]! += (used.user + used.system) / 1000 / months.length;
    }
  }
  const [revenueTimes, utilisationTimes, rawTimes] = times as [number[], number[], number[]];
  const [revenueCpu, utilisationCpu] = cpuMs as [number, number, number];
  return { revenueTimes, utilisationTimes, rawTimes, revenueCpu, utilisationCpu, rows: rawRows / months.length, sessions: rows / months.length };
}

/** Measures the reports; `months` is how many random months are timed (each report runs once per month). */
export function benchReports(months = 120): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-bench-reports-"));
  try {
    const { core, sites, genSeconds } = openBenchStudio(path.join(dir, "reports.sqlite"));
    const total = core.db.prepare("SELECT count(*) FROM bookings").pluck().get() as number;
    const next = random(42);
    const periods = Array.from({ length: months }, () => {
      const m = Math.floor(next() * (DAYS / 30.5 - 2));
      const first = `${2018 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-01`;
      const to = (m % 12) + 2 > 12 ? `${2018 + Math.floor(m / 12) + 1}-01-01` : `${2018 + Math.floor(m / 12)}-${String((m % 12) + 2).padStart(2, "0")}-01`;
      return { from: first, to };
    });
    const r = measure(core, sites, periods);
    core.close();

    const p99 = Math.max(percentile(r.revenueTimes, 99), percentile(r.utilisationTimes, 99));
    const ratio = percentile(r.revenueTimes, 50) / percentile(r.rawTimes, 50);
    const line = (name: string, times: number[]) => `${name.padEnd(62)} p50=${fmt(percentile(times, 50))} ms  p99=${fmt(percentile(times, 99))} ms`;
    return [
      `reports: ${total} bookings over ${sites.length * ROOMS_PER_LOCATION} rooms in ${sites.length} locations and ${DAYS} days, inserted in ${genSeconds.toFixed(1)} s`,
      line(`monthly revenue, all locations (${months} months, ${r.rows.toFixed(0)} bookings each)`, r.revenueTimes),
      line("monthly utilisation with heatmap, all locations", r.utilisationTimes),
      line("bare SQL aggregate over the same rows (count + sums)", r.rawTimes),
      `CPU per report (user + system, mean): revenue ${fmt(r.revenueCpu)} ms, utilisation ${fmt(r.utilisationCpu)} ms`,
      `(p99_ms = the slower report's p99; ratio_vs_raw = revenue p50 / bare aggregate p50; target p99 < 300 ms)`,
      `reports p99_ms=${fmt(p99)} ratio_vs_raw=${ratio.toFixed(2)}`,
    ].join("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

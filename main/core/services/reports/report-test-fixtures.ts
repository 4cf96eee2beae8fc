import type { AccessSnapshot } from "../../../../shared/permissions/access-snapshot";
import {
  BOOKINGS, CAMILLE, CLOSURES, DEPOSITS, ENGINEER_LINES, HELOISE, HOURS, HUGO, LABEL, LOC, ROOM_A, ROOM_B, TZ,
} from "../../../../shared/reports/report-fixtures";
import type { ReportBooking } from "../../../../shared/reports/report-booking";
import { createStudioCore, type StudioCore } from "../../studio-core";
import { SETUP, manualClock, roomInput, staffInput, tempDir } from "../../test-fixtures";
import { ReportService } from "./report-service";

/**
 * The shared report fixture (shared/reports/report-fixtures.ts) written into a real studio file,
 * for the service, router and export tests (only *.test.ts files import this). "Now" is Friday
 * 20 March 2026, 13:00 in Paris: the DST week is ahead, so its holds and confirmed sessions hold deposits.
 */
export const NOW = Date.UTC(2026, 2, 20, 12);

export interface ReportWorld {
  core: StudioCore;
  reports: ReportService;
  /** Fixture id → the id the studio gave the row. */
  real: (fixtureId: string) => string;
  insert: (b: ReportBooking) => void;
  close(): void;
}

export function reportWorld(): ReportWorld {
  const tmp = tempDir("rsm-reports-");
  const clock = manualClock(NOW);
  const core = createStudioCore({ databaseFile: tmp.file(), now: clock.now });
  core.studio.setup({ ...SETUP, location: { ...SETUP.location, timeZone: TZ, openingHours: HOURS, closures: CLOSURES } });
  const locationId = core.locations.list()[0]!.id;
  const ids = new Map<string, string>([
    [LOC, locationId],
    [ROOM_A, core.rooms.list()[0]!.id],
    [ROOM_B, core.rooms.create(roomInput(locationId)).id],
    [CAMILLE, core.staff.create(staffInput({ locationId })).id],
    [HUGO, core.staff.create(staffInput({ name: "Hugo Lefèvre", locationId })).id],
    [LABEL, core.clients.create({ kind: "company", name: "Label Nuit Blanche" }).id],
    [HELOISE, core.clients.create({ kind: "person", name: "Héloïse Mercier" }).id],
  ]);
  const real = (id: string) => ids.get(id) ?? id;
  const tenant = core.studio.tenantId();
  const stmt = core.db.prepare(
    `INSERT INTO bookings (id, tenant_id, created_at, updated_at, location_id, room_ids, staff_ids, client_id, type, status, starts_at, ends_at,
       occupied_from, occupied_until, hold_expires_at, currency, net_cents, vat_cents, total_cents, deposit_bp, deposit_cents, price_lines, paid_cents,
       cancellation_fee_cents)
     VALUES (?, ?, '2026-03-01T00:00:00.000Z', '000001772323200000:00000:test', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, 3000, ?, ?, ?, ?)`,
  );
  const insert = (b: ReportBooking) => {
    const [deposit, paid] = DEPOSITS[b.id] ?? [0, 0];
    const lines = ENGINEER_LINES.filter((l) => l.bookingId === b.id).map((l) => ({ kind: "staff", refId: real(l.staffId), label: "", basis: "hourly", quantity: 1, overtimeMinutes: 0, days: 0, netCents: l.netCents, vatBp: 2000, vatCents: 0, grossCents: 0 }));
    stmt.run(
      b.id, tenant, real(b.locationId), JSON.stringify(b.roomIds.map(real)), JSON.stringify(b.staffIds.map(real)), b.clientId ? real(b.clientId) : null,
      b.type, b.status, b.startMs, b.endMs, b.startMs, b.endMs, b.status === "hold" ? NOW + 48 * 3_600_000 : null, b.netCents, b.vatCents, b.totalCents,
      deposit, JSON.stringify(lines), paid, b.status === "cancelled" || b.status === "no_show" ? b.feeCents : null,
    );
  };
  for (const b of BOOKINGS) insert(b);
  return {
    core, reports: new ReportService(core.db, core.access, core.clock, core.documents.invoices), real, insert,
    close: () => {
      core.close();
      tmp.cleanup();
    },
  };
}

/** Acts as someone signed in with `access` (the account row the sync would have written). */
export function actingAs(core: StudioCore, access: AccessSnapshot): void {
  core.db
    .prepare(
      `INSERT OR REPLACE INTO account_session (singleton, server_url, tenant_id, user_id, email, role, device_id, connected_at, access)
       VALUES (1, 'http://sync.test', ?, 'u1', 'someone@studio.fr', ?, 'd1', '2026-03-01T09:00:00.000Z', ?)`,
    )
    .run(core.studio.get().tenantId, access.role, JSON.stringify(access));
}

/** An engineer lent report.view (engineers do not hold it themselves) until well after "now". */
export const ENGINEER_WITH_REPORTS: AccessSnapshot = {
  role: "engineer", locationIds: null,
  delegations: [{ id: "del-1", fromUserId: "owner-1", permissions: ["report.view"], locationIds: null, expiresAt: NOW + 30 * 86_400_000 }],
};

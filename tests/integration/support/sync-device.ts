import { encodeHlc, tickHlc, type Hlc } from "../../../shared/hlc";
import { uuidv7 } from "../../../shared/ids";
import { defaultWeeklyHours } from "../../../shared/schemas/opening-hours";
import type { PulledChange, PushedMutation, SyncedEntity } from "../../../shared/sync/protocol";

type Wire = Record<string, string | number | null>;

/**
 * A desktop as the server sees it: an HLC node writing outbox mutations in column form
 * (main/core/sync/local-writer.ts). `offsetMs` stands for a clock that runs ahead or behind.
 */
export class SimDevice {
  private last: Hlc;
  constructor(
    readonly node: string,
    private readonly offsetMs = 0,
  ) {
    this.last = { wallMs: 0, counter: 0, node };
  }

  stamp(): string {
    this.last = tickHlc(this.last, Date.now() + this.offsetMs);
    return encodeHlc(this.last);
  }

  insert(entity: SyncedEntity, changes: Wire, rowId: string = uuidv7()): PushedMutation {
    return { mutationId: uuidv7(), entity, rowId, op: "insert", changes, hlc: this.stamp(), baseVersion: null };
  }

  update(entity: SyncedEntity, rowId: string, changes: Wire, baseVersion: number | null = null): PushedMutation {
    return { mutationId: uuidv7(), entity, rowId, op: "update", changes, hlc: this.stamp(), baseVersion };
  }
}

export const locationWire = (name = "Lyon"): Wire => ({
  name,
  timeZone: "Europe/Paris",
  address: null,
  phone: null,
  email: null,
  openingHours: JSON.stringify(defaultWeeklyHours()),
  closures: "[]",
});

export const roomWire = (locationId: string, name = "Studio A"): Wire => ({
  locationId,
  name,
  type: "recording",
  hourlyRateCents: 5000,
  halfDayRateCents: 18000,
  dayRateCents: 32000,
  vatRateBp: 2000,
  capacity: 6,
  colour: "#aa3300",
  bookable: 1,
  setupMinutes: 0,
  teardownMinutes: 0,
  notes: null,
  minDurationMinutes: 60,
  maxDurationMinutes: 20160,
  minNoticeMinutes: 0,
  maxHorizonDays: 730,
});

export const staffWire = (name = "Engineer"): Wire => ({
  name,
  role: "engineer",
  email: null,
  phone: null,
  hourlyRateCents: 4000,
  dayRateCents: 30000,
  locationId: null,
  colour: "#0033aa",
  notes: null,
});

export const equipmentWire = (locationId: string, name = "U87"): Wire => ({
  locationId,
  name,
  category: "microphone",
  serialNumber: "SN-1",
  quantity: 2,
  dailyRateCents: 1500,
  lastMaintenance: "2026-01-10",
  nextMaintenance: "2026-07-10",
  notes: null,
});

export const clientWire = (name: string): Wire => ({
  kind: "person",
  name,
  contactName: null,
  email: null,
  phone: null,
  address: null,
  vatNumber: null,
  notes: null,
  defaultDepositBp: null,
});

export const bookingWire = (b: { locationId: string; roomIds: string[]; staffIds?: string[]; startsAt: number; endsAt: number; status?: string }): Wire => ({
  locationId: b.locationId,
  roomIds: JSON.stringify(b.roomIds),
  staffIds: JSON.stringify(b.staffIds ?? []),
  equipment: "[]",
  clientId: null,
  title: "Session",
  projectName: null,
  notes: null,
  type: "hourly",
  status: b.status ?? "confirmed",
  startsAt: b.startsAt,
  endsAt: b.endsAt,
  occupiedFrom: b.startsAt,
  occupiedUntil: b.endsAt,
  holdExpiresAt: null,
  overridePast: 0,
  seriesId: null,
  seriesSeq: null,
  currency: "EUR",
  netCents: 10000,
  vatCents: 2000,
  totalCents: 12000,
  depositBp: 3000,
  depositCents: 3600,
  priceLines: "[]",
  paidCents: 0,
  cancelledAt: null,
  cancelReason: null,
  cancellationFeeCents: null,
});

/** Column-form values compared by meaning: JSON text from jsonb is re-spaced and key-sorted. */
export function comparable(fields: Wire): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, typeof v === "string" && /^[[{]/.test(v) ? (JSON.parse(v) as unknown) : v]),
  );
}

/** What a device holds after pulling: the latest change per row. */
export class PullReplica {
  cursor = 0;
  readonly rows = new Map<string, PulledChange>();
  apply(changes: PulledChange[]): void {
    for (const c of changes) this.rows.set(`${c.entity}:${c.rowId}`, c);
  }
}

import { maintenanceInput, timeOffInput } from "../../../../shared/booking/booking-queries";
import { uuidv7 } from "../../../../shared/ids";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";
import type { LocalWriter } from "../../sync/local-writer";
import { parseInput } from "../parse-input";

export interface TimeOffEntry {
  id: string;
  staffId: string;
  startsAt: string;
  endsAt: string;
  reason: string | null;
}

export interface MaintenanceEntry {
  id: string;
  equipmentId: string;
  startsAt: string;
  endsAt: string;
  quantity: number | null;
  reason: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Time when a resource cannot be booked: staff time off and gear maintenance windows. Synced rows
 * like the others; removing one writes a tombstone.
 */
export class BlockoutStore {
  constructor(
    private readonly db: Db,
    private readonly writer: LocalWriter,
  ) {}

  private requireActive(table: "staff" | "equipment", id: string, field: string): void {
    const found = prepareCached(this.db, `SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id);
    if (!found) throw new AppError("NOT_FOUND", `${table} ${id} does not exist`, { [field]: ["v.invalid"] });
  }

  addTimeOff(input: unknown): TimeOffEntry {
    const data = parseInput(timeOffInput, input, "time off");
    this.requireActive("staff", data.staffId, "staffId");
    const id = uuidv7();
    this.writer.insert({
      entity: "staff_time_off", table: "staff_time_off", rowId: id,
      fields: {
        staffId: ["staff_id", data.staffId], startsAt: ["starts_at", Date.parse(data.startsAt)], endsAt: ["ends_at", Date.parse(data.endsAt)],
        reason: ["reason", data.reason],
      },
    });
    return this.timeOff({ staffId: data.staffId }).find((t) => t.id === id)!;
  }

  timeOff(filter: { staffId?: string; fromMs?: number; toMs?: number } = {}): TimeOffEntry[] {
    const rows = prepareCached(
      this.db,
      `SELECT id, staff_id, starts_at, ends_at, reason FROM staff_time_off
       WHERE deleted_at IS NULL AND (? IS NULL OR staff_id = ?) AND ends_at > ? AND starts_at < ? ORDER BY starts_at, id`,
    ).all(filter.staffId ?? null, filter.staffId ?? null, filter.fromMs ?? Number.MIN_SAFE_INTEGER, filter.toMs ?? Number.MAX_SAFE_INTEGER) as {
      id: string; staff_id: string; starts_at: number; ends_at: number; reason: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, staffId: r.staff_id, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), reason: r.reason }));
  }

  addMaintenance(input: unknown): MaintenanceEntry {
    const data = parseInput(maintenanceInput, input, "maintenance window");
    this.requireActive("equipment", data.equipmentId, "equipmentId");
    const id = uuidv7();
    this.writer.insert({
      entity: "equipment_maintenance", table: "equipment_maintenance", rowId: id,
      fields: {
        equipmentId: ["equipment_id", data.equipmentId], startsAt: ["starts_at", Date.parse(data.startsAt)], endsAt: ["ends_at", Date.parse(data.endsAt)],
        quantity: ["quantity", data.quantity], reason: ["reason", data.reason],
      },
    });
    return this.maintenance({ equipmentId: data.equipmentId }).find((m) => m.id === id)!;
  }

  maintenance(filter: { equipmentId?: string; fromMs?: number; toMs?: number } = {}): MaintenanceEntry[] {
    const rows = prepareCached(
      this.db,
      `SELECT id, equipment_id, starts_at, ends_at, quantity, reason FROM equipment_maintenance
       WHERE deleted_at IS NULL AND (? IS NULL OR equipment_id = ?) AND ends_at > ? AND starts_at < ? ORDER BY starts_at, id`,
    ).all(filter.equipmentId ?? null, filter.equipmentId ?? null, filter.fromMs ?? Number.MIN_SAFE_INTEGER, filter.toMs ?? Number.MAX_SAFE_INTEGER) as {
      id: string; equipment_id: string; starts_at: number; ends_at: number; quantity: number | null; reason: string | null;
    }[];
    return rows.map((r) => ({ id: r.id, equipmentId: r.equipment_id, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), quantity: r.quantity, reason: r.reason }));
  }

  /** Tombstones a time off or maintenance row (the sync protocol's delete is a `deleted_at`). */
  remove(kind: "timeOff" | "maintenance", id: string): void {
    const table = kind === "timeOff" ? "staff_time_off" : "equipment_maintenance";
    const found = prepareCached(this.db, `SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id);
    if (!found) throw new AppError("NOT_FOUND", `${table} ${id} does not exist`);
    this.writer.update({ entity: table, table, rowId: id, fields: { deletedAt: ["deleted_at", new Date().toISOString()] } });
  }
}

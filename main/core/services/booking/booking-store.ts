import { uuidv7 } from "../../../../shared/ids";
import { normalizeForSearch } from "../../../../shared/text";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError } from "../../errors";
import type { LocalWriter } from "../../sync/local-writer";
import { changedColumns, unpaidCentsOf, valuesOf, type BookingRow, type BookingValues } from "./booking-record";
import { writeResourceIndex } from "./resource-index";

export interface StoredBooking {
  row: BookingRow;
  values: BookingValues;
}

/** Reads and writes booking rows: every write through the LocalWriter (outbox), with its local index. */
export class BookingStore {
  constructor(
    private readonly db: Db,
    private readonly writer: LocalWriter,
  ) {}

  find(id: string): StoredBooking | null {
    const row = prepareCached(this.db, "SELECT * FROM bookings WHERE id = ? AND deleted_at IS NULL").get(id) as BookingRow | undefined;
    return row ? { row, values: valuesOf(row) } : null;
  }

  get(id: string): StoredBooking {
    const found = this.find(id);
    if (!found) throw new AppError("NOT_FOUND", `Booking ${id} does not exist`);
    return found;
  }

  insert(values: BookingValues, id: string = uuidv7()): string {
    this.db.transaction(() => {
      this.writer.insert({ entity: "booking", table: "bookings", rowId: id, fields: changedColumns(values, null), local: bookingLocalColumns(values) });
      writeResourceIndex(this.db, id, values);
    })();
    return id;
  }

  /** Writes what differs from the stored values; nothing at all when nothing changed. */
  update(id: string, next: BookingValues, current: BookingValues): void {
    const fields = changedColumns(next, current);
    if (Object.keys(fields).length === 0) return;
    this.db.transaction(() => {
      this.writer.update({ entity: "booking", table: "bookings", rowId: id, fields, local: bookingLocalColumns(next) });
      writeResourceIndex(this.db, id, next);
    })();
  }
}

/** Derived on this device, never synced: the search text and what the client still owes (sync recomputes them for pulled rows). */
export function bookingLocalColumns(v: BookingValues): Record<string, string | number> {
  return {
    search_text: normalizeForSearch([v.title, v.projectName, v.notes].filter(Boolean).join(" ")),
    unpaid_cents: unpaidCentsOf(v),
  };
}

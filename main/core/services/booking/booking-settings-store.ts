import {
  bookingSettingsSchema,
  updateBookingSettingsInput,
  type BookingSettings,
} from "../../../../shared/booking/booking-settings";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";
import { AppError, issuesToFieldErrors } from "../../errors";
import type { LocalWriter } from "../../sync/local-writer";

interface SettingsRow {
  id: string;
  hold_expiry_hours: number;
  cancellation_policy: string;
  unpaid_balance_limit_cents: number | null;
}

/** The studio's booking settings: hold expiry, cancellation policy, unpaid balance limit. */
export class BookingSettingsStore {
  constructor(
    private readonly db: Db,
    private readonly writer: LocalWriter,
  ) {}

  private row(): SettingsRow {
    const row = prepareCached(
      this.db,
      "SELECT id, hold_expiry_hours, cancellation_policy, unpaid_balance_limit_cents FROM studio WHERE deleted_at IS NULL LIMIT 1",
    ).get() as SettingsRow | undefined;
    if (!row) throw new AppError("NOT_INITIALIZED", "The studio has not been set up yet");
    return row;
  }

  get(): BookingSettings {
    const row = this.row();
    return {
      holdExpiryHours: row.hold_expiry_hours,
      cancellationPolicy: JSON.parse(row.cancellation_policy) as BookingSettings["cancellationPolicy"],
      unpaidBalanceLimitCents: row.unpaid_balance_limit_cents,
    };
  }

  update(input: unknown): BookingSettings {
    const patch = updateBookingSettingsInput.safeParse(input);
    const current = this.get();
    const merged = bookingSettingsSchema.safeParse({ ...current, ...(patch.success ? patch.data : {}) });
    if (!patch.success || !merged.success) {
      const issues = !patch.success ? patch.error.issues : merged.error!.issues;
      throw new AppError("VALIDATION_FAILED", "Invalid booking settings", issuesToFieldErrors(issues));
    }
    const next = merged.data;
    const fields: Record<string, [string, string | number | null]> = {};
    if (next.holdExpiryHours !== current.holdExpiryHours) fields.holdExpiryHours = ["hold_expiry_hours", next.holdExpiryHours];
    if (JSON.stringify(next.cancellationPolicy) !== JSON.stringify(current.cancellationPolicy)) {
      fields.cancellationPolicy = ["cancellation_policy", JSON.stringify(next.cancellationPolicy)];
    }
    if (next.unpaidBalanceLimitCents !== current.unpaidBalanceLimitCents) {
      fields.unpaidBalanceLimitCents = ["unpaid_balance_limit_cents", next.unpaidBalanceLimitCents];
    }
    this.writer.update({ entity: "studio", table: "studio", rowId: this.row().id, fields });
    return this.get();
  }
}

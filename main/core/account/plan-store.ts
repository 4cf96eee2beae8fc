import type { BillingStatus } from "../../../shared/billing/billing-api";
import type { Db } from "../db/open-database";
import { prepareCached } from "../db/statement-cache";

/** The device_prefs key holding the last billing.status (a key-value table: no migration needed). */
export const PLAN_PREF_KEY = "billing.lastStatus";

interface Stored {
  tenantId: string;
  status: BillingStatus;
}

/**
 * The studio's last billing.status as its server gave it, kept in SQLite so that a restart
 * without network still shows the plan (and offlinePlan() can re-read it against the clock).
 * Kept per studio: a login to another studio never sees the previous one's plan.
 */
export class PlanStore {
  constructor(private readonly db: Db) {}

  last(tenantId: string): BillingStatus | null {
    const stored = this.stored();
    return stored && stored.tenantId === tenantId ? stored.status : null;
  }

  /** Whatever was kept, for whichever studio (a write checks this before asking which studio it is). */
  stored(): Stored | null {
    const row = prepareCached(this.db, "SELECT value FROM device_prefs WHERE key = ?").get(PLAN_PREF_KEY) as { value: string } | undefined;
    if (!row) return null;
    try {
      const stored = JSON.parse(row.value) as Partial<Stored>;
      if (typeof stored.tenantId !== "string" || !stored.status || typeof stored.status.fetchedAt !== "number" || !stored.status.state) return null;
      return { tenantId: stored.tenantId, status: stored.status };
    } catch {
      return null;
    }
  }

  save(tenantId: string, status: BillingStatus): void {
    const value = JSON.stringify({ tenantId, status } satisfies Stored);
    prepareCached(this.db, "INSERT INTO device_prefs (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(PLAN_PREF_KEY, value);
  }
}

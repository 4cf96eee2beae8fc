import type { Db } from "../db/open-database";
import { AppError } from "../errors";
import type { DeviceClock } from "./device-clock";

/**
 * Makes an empty local database the replica of a studio that already exists on the server (the
 * tenant created at sign-up), so that every row written here carries the server's tenant id and
 * the first pull fills the rest. Written directly, not through the LocalWriter: the studio is the
 * server's tenant, not a local change, so there is nothing to push (and the server refuses studio
 * mutations until it syncs studio settings). Refused on a computer that already holds a studio:
 * rewriting the tenant of existing rows is a migration of its own, not done here.
 */
export function adoptServerStudio(db: Db, clock: DeviceClock, studio: { tenantId: string; name: string; currency?: string }): void {
  db.transaction(() => {
    if (db.prepare("SELECT 1 FROM studio LIMIT 1").get()) {
      throw new AppError("ALREADY_INITIALIZED", "This computer already holds a studio");
    }
    db.prepare(
      "INSERT INTO studio (id, tenant_id, name, currency, created_at, updated_at, field_hlc) VALUES (?, ?, ?, ?, ?, ?, '{}')",
    ).run(studio.tenantId, studio.tenantId, studio.name, studio.currency ?? "EUR", new Date().toISOString(), clock.tick());
    db.prepare("INSERT INTO sync_state (singleton, tenant_id) VALUES (1, ?) ON CONFLICT (singleton) DO UPDATE SET tenant_id = excluded.tenant_id")
      .run(studio.tenantId);
  })();
}

import { accessSnapshotSchema, subjectOf, type AccessSnapshot } from "../../../shared/permissions/access-snapshot";
import type { Subject } from "../../../shared/permissions/access";
import { isRole, type Role } from "../../../shared/permissions/roles";
import type { Db } from "../db/open-database";
import { prepareCached } from "../db/statement-cache";

/** Nobody signed in: the computer's own studio, run by whoever set it up, who owns it. */
const LOCAL_OWNER: Subject = { grants: [{ role: "owner", locationIds: null }], delegations: [] };

/** Account roles from before the full role set: a "staff" member worked the front desk. */
function roleOf(sessionRole: string): Role {
  return isRole(sessionRole) ? sessionRole : sessionRole === "staff" ? "front_desk" : "viewer";
}

/**
 * Who is acting on this computer, for the core's permission checks: the connected person's last
 * known access (account_session.access, migration 006), else their session role everywhere, else
 * the local owner. Read from SQLite each time: it is one small row, and a sync round may change it.
 */
export class AccessStore {
  /** The last parsed snapshot and the text it came from: every write asks, the row rarely changes. */
  private parsed: { text: string; snapshot: AccessSnapshot | null } | null = null;

  constructor(private readonly db: Db) {}

  snapshot(): AccessSnapshot | null {
    const row = prepareCached(this.db, "SELECT role, access FROM account_session WHERE singleton = 1").get() as { role: string; access: string | null } | undefined;
    if (!row) return null;
    if (row.access) {
      if (this.parsed?.text !== row.access) {
        const parsed = accessSnapshotSchema.safeParse(JSON.parse(row.access));
        this.parsed = { text: row.access, snapshot: parsed.success ? parsed.data : null };
      }
      if (this.parsed.snapshot) return this.parsed.snapshot;
    }
    return { role: roleOf(row.role), locationIds: null, delegations: [] };
  }

  subject(): Subject {
    const snapshot = this.snapshot();
    return snapshot ? subjectOf(snapshot) : LOCAL_OWNER;
  }

  save(snapshot: AccessSnapshot): void {
    prepareCached(this.db, "UPDATE account_session SET access = ?, access_fetched_at = ?, role = ? WHERE singleton = 1")
      .run(JSON.stringify(snapshot), new Date().toISOString(), snapshot.role);
  }
}

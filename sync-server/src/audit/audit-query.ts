import { toCsv } from "../../../shared/csv";
import type { AuditEntry, AuditFilter, AuditPage } from "../../../shared/schemas/team";
import type { AccountsDeps } from "../accounts/accounts-deps";
import type { AuthSession } from "../accounts/authenticate";
import { peopleByIds } from "../accounts/people";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";

interface Row {
  id: string; at: Date; seq: string; kind: "change" | "security"; action: string; user_id: string | null; device_id: string | null; entity: string | null;
  row_id: string | null; hlc: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null; ip: string | null;
  details: Record<string, unknown> | null;
}

/** "<epoch ms>.<seq>" of the last event of a page: the next page starts strictly after it (newest first). */
const encodeCursor = (r: Row) => `${r.at.getTime()}.${r.seq}`;
function decodeCursor(cursor: string): [Date, string] {
  const match = /^(\d{1,15})\.(\d{1,19})$/.exec(cursor);
  if (!match) throw new ServerError("VALIDATION_FAILED", "Invalid audit cursor", undefined, { cursor: ["v.invalid"] });
  return [new Date(Number(match[1])), match[2]!];
}

async function selectEvents(tx: Tx, tenantId: string, f: AuditFilter, after: [Date, string] | null, limit: number): Promise<Row[]> {
  const where = ["tenant_id = $1"];
  const params: unknown[] = [tenantId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace("?", `$${params.length}`));
  };
  if (f.from) add("at >= ?", new Date(f.from));
  if (f.to) add("at < ?", new Date(f.to));
  if (f.userId) add("user_id = ?", f.userId);
  if (f.entity) add("entity = ?", f.entity);
  if (f.kind) add("kind = ?", f.kind);
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(at, seq) < ($${params.length - 1}, $${params.length}::bigint)`);
  }
  params.push(limit);
  const { rows } = await tx.query<Row>(
    `SELECT id, at, seq, kind, action, user_id, device_id, entity, row_id, hlc, before, after, ip, details FROM audit_events
      WHERE ${where.join(" AND ")} ORDER BY at DESC, seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

async function entries(deps: AccountsDeps, rows: Row[]): Promise<AuditEntry[]> {
  const people = await peopleByIds(deps, rows.flatMap((r) => (r.user_id ? [r.user_id] : [])));
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    kind: r.kind,
    action: r.action,
    userId: r.user_id,
    userName: r.user_id ? (people.get(r.user_id)?.name ?? null) : null,
    deviceId: r.device_id,
    entity: r.entity,
    rowId: r.row_id,
    hlc: r.hlc,
    before: r.before,
    after: r.after,
    ip: r.ip,
    details: r.details,
  }));
}

/** The studio's audit log, newest first, one page at a time. */
export async function listAudit(deps: AccountsDeps, auth: AuthSession, input: AuditFilter & { cursor?: string | null | undefined; limit: number }): Promise<AuditPage> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await auth.inTenant((tx) => selectEvents(tx, auth.tenantId, input, after, input.limit + 1));
  const page = rows.slice(0, input.limit);
  return { events: await entries(deps, page), nextCursor: rows.length > input.limit ? encodeCursor(page.at(-1)!) : null };
}

/** Enough for a year of a busy studio's changes; narrower filters export more precisely. */
export const MAX_EXPORT_ROWS = 50_000;

const jsonCell = (v: Record<string, unknown> | null) => (v === null ? "" : JSON.stringify(v));

/** The filtered log as CSV (shared/csv: what spreadsheets open as is), newest first. */
export async function exportAuditCsv(deps: AccountsDeps, auth: AuthSession, filter: AuditFilter): Promise<{ filename: string; csv: string; rows: number }> {
  const rows = await auth.inTenant((tx) => selectEvents(tx, auth.tenantId, filter, null, MAX_EXPORT_ROWS));
  const list = await entries(deps, rows);
  const csv = toCsv(
    ["at", "kind", "action", "user", "user_id", "device_id", "entity", "row_id", "hlc", "before", "after", "ip", "details"],
    list.map((e) => [e.at, e.kind, e.action, e.userName, e.userId, e.deviceId, e.entity, e.rowId, e.hlc, jsonCell(e.before), jsonCell(e.after), e.ip, jsonCell(e.details)]),
  );
  return { filename: `audit-${new Date(deps.now()).toISOString().slice(0, 10)}.csv`, csv, rows: list.length };
}

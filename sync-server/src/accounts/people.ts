import type { AccountsDeps } from "./accounts-deps";

export type People = Map<string, { email: string; name: string }>;

/** Names and emails of people by id (people live in the primary database, whatever the studio's). */
export async function peopleByIds(deps: AccountsDeps, ids: Iterable<string>): Promise<People> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const { rows } = await deps.databases.primary.query<{ id: string; email: string; name: string }>("SELECT id, email, name FROM users WHERE id = ANY($1::uuid[])", [unique]);
  return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
}

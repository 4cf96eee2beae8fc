import type { TRPCClient } from "@trpc/client";
import type { StudioCore } from "../../../main/core/studio-core";
import { syncedTables } from "../../../main/core/sync/synced-tables";
import { decodePullPage } from "../../../shared/sync/pull-wire";
import type { SyncRouter } from "../../../sync-server/src/router";
import { comparable } from "./sync-device";

/** Entities compared between a desk and the server (the studio row has server-only fields on desks made by adoption). */
export const COMPARED = ["location", "room", "client", "booking"];

/** The server's current rows, in column form, with their stamps and versions. */
export async function serverRows(client: TRPCClient<SyncRouter>, entities = COMPARED): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let cursor = 0;
  for (;;) {
    const page = await client.sync.pull.query({ cursor, limit: 1000 });
    for (const ch of decodePullPage(page)) {
      if (entities.includes(ch.entity)) out[`${ch.entity}:${ch.rowId}`] = { version: ch.version, fieldHlc: ch.fieldHlc, fields: comparable(ch.fields) };
    }
    cursor = page.cursor;
    if (!page.hasMore) return out;
  }
}

/** The same view of one desk's SQLite file, through the field → column maps the core writes with. */
export function deskRows(core: StudioCore, entities = COMPARED): Record<string, unknown> {
  const tables = syncedTables([core.locations.def, core.rooms.def, core.clients.def]);
  const out: Record<string, unknown> = {};
  for (const entity of entities) {
    const t = tables[entity]!;
    for (const row of core.db.prepare(`SELECT * FROM ${t.table}`).all() as Record<string, string | number | null>[]) {
      const fields = Object.fromEntries(Object.entries(t.columns).map(([field, column]) => [field, row[column] ?? null]));
      out[`${entity}:${row.id}`] = { version: row.version, fieldHlc: JSON.parse(String(row.field_hlc)) as unknown, fields: comparable(fields) };
    }
  }
  return out;
}

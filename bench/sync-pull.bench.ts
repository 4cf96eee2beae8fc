import path from "node:path";
import pg from "pg";
import { encodeHlc } from "../shared/hlc";
import { MAX_PULL_LIMIT } from "../shared/sync/protocol";
import { createStudioCore } from "../main/core/studio-core";
import type { BenchSyncServer } from "./sync-bench-server";
import { benchDesk, PullTiming, signUpStudio } from "./sync-studio";

export interface PullFigures {
  lines: string[];
  ratio: number;
}

const FIELDS = ["kind", "name", "contactName", "email", "phone", "address", "vatNumber", "notes", "defaultDepositBp", "archivedAt", "deletedAt"];

/**
 * `count` clients of the studio written straight into Postgres, stamped as if pushed by a desk.
 * The version trigger is off meanwhile: bumping the tenant's counter row once per row in one
 * statement grows its chain of dead tuples, and the seeding would take minutes, not a second.
 */
async function seedServer(srv: BenchSyncServer, tenantId: string, count: number): Promise<void> {
  const stamp = encodeHlc({ wallMs: Date.now(), counter: 0, node: "seed" });
  const admin = new pg.Client(srv.admin);
  await admin.connect();
  try {
    await admin.query("BEGIN");
    await admin.query("ALTER TABLE clients DISABLE TRIGGER clients_version");
    const { rows } = await admin.query<{ version: string }>("SELECT version FROM tenant_versions WHERE tenant_id = $1", [tenantId]);
    const base = Number(rows[0]?.version ?? 0);
    await admin.query(
      `INSERT INTO clients (tenant_id, id, version, created_at, updated_at, field_hlc, kind, name, email, phone, notes)
       SELECT $1, gen_random_uuid(), $5::bigint + i, now(), $2, (SELECT jsonb_object_agg(f, $2::text) FROM unnest($3::text[]) AS f),
              'person', 'Client ' || i || ' Éloïse', 'c' || i || '@exemple.fr', '+33 6 12 34 56 78', 'Seeded by the pull bench'
       FROM generate_series(1, $4::int) AS i`,
      [tenantId, stamp, FIELDS, count, base],
    );
    await admin.query("UPDATE tenant_versions SET version = $2 WHERE tenant_id = $1", [tenantId, base + count]);
    await admin.query("ALTER TABLE clients ENABLE TRIGGER clients_version");
    await admin.query("COMMIT");
    // As autovacuum would have by the time a studio holds this many rows: without statistics the
    // planner takes the table for a few rows and reads all of them for every page.
    await admin.query("ANALYZE clients");
  } catch (err) {
    await admin.query("ROLLBACK");
    throw err;
  } finally {
    await admin.end();
  }
}

/**
 * First pull of `count` rows into an empty desk, page by page through the real SyncEngine and
 * server over HTTP (pages as the app asks for them). The baseline inserts the very rows the desk
 * ended with into the same table of a fresh SQLite file, in one transaction.
 */
export async function benchSyncPull(srv: BenchSyncServer, count = 100_000): Promise<PullFigures> {
  const tokens = await signUpStudio(srv, "pull");
  await seedServer(srv, tokens.tenantId, count);
  const timing = new PullTiming();
  const desk = benchDesk(srv, tokens, "pull", timing);
  try {
    const start = performance.now();
    const report = await desk.engine.syncOnce();
    const pullMs = performance.now() - start;
    // The studio row and the location made at sign-up come with the clients.
    if (report.pulled < count) throw new Error(`pull bench: ${report.pulled} of ${count} rows pulled`);

    const rows = desk.core.db.prepare("SELECT * FROM clients").all() as Record<string, unknown>[];
    if (rows.length !== count) throw new Error(`pull bench: ${rows.length} of ${count} clients on the desk`);
    const bare = createStudioCore({ databaseFile: path.join(desk.dir, "bare.sqlite") });
    let bareMs: number;
    try {
      const columns = Object.keys(rows[0]!);
      const insert = bare.db.prepare(`INSERT INTO clients (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`);
      const bareStart = performance.now();
      bare.db.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
      bareMs = performance.now() - bareStart;
    } finally {
      bare.close();
    }
    const perSecond = (report.pulled * 1000) / pullMs;
    const barePerSecond = (count * 1000) / bareMs;
    const ratio = perSecond / barePerSecond;
    return {
      ratio,
      lines: [
        `sync pull: first pull of ${report.pulled} rows into an empty desk over HTTP, pages of ${MAX_PULL_LIMIT}  ${pullMs.toFixed(0)} ms  ${perSecond.toFixed(0)} rows/s`,
        // The engine asks for the next page while it applies the current one, so these overlap.
        `sync pull: server pages in flight ${timing.waitMs.toFixed(0)} ms in all (overlapping the desk's writes; the server runs in its own process)`,
        `sync pull: bare SQLite INSERT of the same rows, one transaction    ${bareMs.toFixed(0)} ms  ${barePerSecond.toFixed(0)} rows/s`,
        `sync_pull rows_per_s=${perSecond.toFixed(0)} ratio_vs_raw=${ratio.toFixed(2)} (target >= 0.3)`,
      ],
    };
  } finally {
    desk.close();
  }
}

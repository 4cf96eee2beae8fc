import crypto from "node:crypto";
import pg from "pg";
import type { BenchSyncServer } from "./sync-bench-server";
import { benchDesk, PullTiming, signUpStudio } from "./sync-studio";

export interface PushFigures {
  lines: string[];
  ratio: number;
}

const CLIENT_COLUMNS = ["id", "created_at", "updated_at", "field_hlc", "kind", "name", "contact_name", "email", "phone", "address", "vat_number", "notes", "default_deposit_bp"];
/** Rows per bare INSERT statement: the size of one push batch (MAX_PUSH_MUTATIONS). */
const BATCH = 500;

/**
 * `count` clients created on a desk (the outbox), then pushed by the real SyncEngine over HTTP to
 * the real server, which applies each under the tenant's RLS context, with its version and its
 * applied_mutations record. Timed from the round's start to its first pull. The baseline writes
 * the same rows into the same table of the same Postgres as bare multi-row INSERTs of one push
 * batch each (the version trigger still firing), under another tenant id.
 */
export async function benchSyncPush(srv: BenchSyncServer, count = 10_000): Promise<PushFigures> {
  const tokens = await signUpStudio(srv, "push");
  const timing = new PullTiming();
  const desk = benchDesk(srv, tokens, "push", timing);
  try {
    await desk.engine.syncOnce();
    desk.core.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        desk.core.clients.create({
          kind: "person", name: `Client ${i} Éloïse`, contactName: null, email: `c${i}@exemple.fr`, phone: "+33 6 12 34 56 78",
          address: null, vatNumber: null, notes: null, defaultDepositBp: null,
        });
      }
    })();
    timing.reset();
    const start = performance.now();
    const report = await desk.engine.syncOnce();
    const pushMs = timing.firstPullAt - start;
    if (report.applied !== count) throw new Error(`push bench: ${report.applied} of ${count} mutations applied`);

    const admin = new pg.Client(srv.admin);
    await admin.connect();
    let bareMs: number;
    try {
      const { rows } = await admin.query<Record<string, unknown>>(`SELECT ${CLIENT_COLUMNS.join(", ")} FROM clients WHERE tenant_id = $1`, [tokens.tenantId]);
      const other = crypto.randomUUID();
      const bareStart = performance.now();
      for (let from = 0; from < rows.length; from += BATCH) {
        const batch = rows.slice(from, from + BATCH);
        const width = CLIENT_COLUMNS.length + 1;
        const tuples = batch.map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(", ")})`);
        await admin.query(
          `INSERT INTO clients (tenant_id, ${CLIENT_COLUMNS.join(", ")}) VALUES ${tuples.join(", ")}`,
          batch.flatMap((row) => [other, crypto.randomUUID(), ...CLIENT_COLUMNS.slice(1).map((c) => (c === "field_hlc" ? JSON.stringify(row[c]) : row[c]))]),
        );
      }
      bareMs = performance.now() - bareStart;
    } finally {
      await admin.end();
    }
    const perSecond = (count * 1000) / pushMs;
    const barePerSecond = (count * 1000) / bareMs;
    const ratio = perSecond / barePerSecond;
    return {
      ratio,
      lines: [
        `sync push: ${count} mutations through SyncEngine + server over HTTP  ${pushMs.toFixed(0)} ms  ${perSecond.toFixed(0)} mutations/s`,
        `sync push: bare INSERT of the same rows, ${BATCH} a statement          ${bareMs.toFixed(0)} ms  ${barePerSecond.toFixed(0)} rows/s`,
        `sync_push mutations_per_s=${perSecond.toFixed(0)} ratio_vs_raw=${ratio.toFixed(2)} (target >= 0.25)`,
      ],
    };
  } finally {
    desk.close();
  }
}

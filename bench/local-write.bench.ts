import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { uuidv7 } from "../shared/ids";
import { createStudioCore } from "../main/core/studio-core";
import { fmt, percentile, timeEach } from "./stats";

/**
 * The local write path a front desk uses all day: one client created through the core (zod
 * validation, search text, HLC stamp, row + outbox mutation in one SQLite transaction) against a
 * bare single-row INSERT in its own transaction on the same kind of file, measured in the same run.
 */
export function benchLocalWrite(count = 3000): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-bench-"));
  try {
    const core = createStudioCore({ databaseFile: path.join(dir, "core.sqlite") });
    core.studio.createStudio({ name: "Bench", currency: "EUR" });
    const client = (i: number) => ({
      kind: "person" as const, name: `Client ${i} Éloïse`, contactName: null, email: `c${i}@exemple.fr`, phone: "+33 6 12 34 56 78",
      address: null, vatNumber: null, notes: null, defaultDepositBp: null,
    });
    const coreTimes = timeEach(count, (i) => core.clients.create(client(i)));

    const raw = createStudioCore({ databaseFile: path.join(dir, "raw.sqlite") }).db;
    const insert = raw.prepare(
      `INSERT INTO clients (id, tenant_id, created_at, updated_at, kind, name, email, phone) VALUES (?, 't', ?, ?, 'person', ?, ?, ?)`,
    );
    const rawTimes = timeEach(count, (i) => raw.transaction(() => insert.run(uuidv7(), "2026", "h", `Client ${i}`, `c${i}@exemple.fr`, "+33"))());

    const listTimes = timeEach(200, (i) => core.clients.list({ search: `eloise ${i % 50}` }));
    core.close();
    raw.close();
    const p50 = percentile(coreTimes, 50);
    const p99 = percentile(coreTimes, 99);
    const rawP50 = percentile(rawTimes, 50);
    return [
      `local write: ${count} client creates through the core  p50=${fmt(p50)} ms  p99=${fmt(p99)} ms`,
      `local write: ${count} bare INSERT transactions          p50=${fmt(rawP50)} ms  p99=${fmt(percentile(rawTimes, 99))} ms`,
      `local list: search over ${count} clients                 p50=${fmt(percentile(listTimes, 50))} ms  p99=${fmt(percentile(listTimes, 99))} ms`,
      `(ratio_vs_raw = core create p50 / bare INSERT p50: the price of validation, HLC stamps and the outbox)`,
      `local_write p99_ms=${fmt(p99)} ratio_vs_raw=${(p50 / rawP50).toFixed(2)}`,
    ].join("\n");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

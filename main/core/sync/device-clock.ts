import { decodeHlc, encodeHlc, tickHlc, type Hlc } from "../../../shared/hlc";
import { uuidv7 } from "../../../shared/ids";
import type { Db } from "../db/open-database";

/**
 * This device's hybrid logical clock, persisted so that stamps keep increasing across restarts
 * even if the wall clock steps back.
 */
export class DeviceClock {
  private last: Hlc;
  private readonly save;

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    let row = db.prepare("SELECT node_id, last_hlc FROM device WHERE singleton = 1").get() as
      | { node_id: string; last_hlc: string }
      | undefined;
    if (!row) {
      const nodeId = uuidv7().replace(/-/g, "").slice(-12);
      row = { node_id: nodeId, last_hlc: encodeHlc({ wallMs: 0, counter: 0, node: nodeId }) };
      db.prepare("INSERT INTO device (singleton, node_id, last_hlc) VALUES (1, ?, ?)").run(row.node_id, row.last_hlc);
    }
    this.last = decodeHlc(row.last_hlc);
    this.save = db.prepare("UPDATE device SET last_hlc = ? WHERE singleton = 1");
  }

  get nodeId(): string {
    return this.last.node;
  }

  /** Next stamp; call inside the write's transaction so the stamp and the change commit together. */
  tick(): string {
    this.last = tickHlc(this.last, this.now());
    const stamp = encodeHlc(this.last);
    this.save.run(stamp);
    return stamp;
  }
}

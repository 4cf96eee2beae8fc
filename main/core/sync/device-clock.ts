import { decodeHlc, encodeHlc, receiveHlc, tickHlc, type Hlc } from "../../../shared/hlc";
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

  /**
   * Now, never earlier than any "now" this device has stamped, seen or been asked for before: the
   * time is remembered (as the clock's floor, which later stamps exceed anyway), so setting the
   * computer's clock back cannot stretch a delegation past its expiry.
   */
  boundedNow(): number {
    const now = this.now();
    if (now > this.last.wallMs) {
      this.last = { wallMs: now, counter: 0, node: this.last.node };
      this.save.run(encodeHlc(this.last));
    }
    return this.last.wallMs;
  }

  /** Next stamp; call inside the write's transaction so the stamp and the change commit together. */
  tick(): string {
    this.last = tickHlc(this.last, this.now());
    const stamp = encodeHlc(this.last);
    this.save.run(stamp);
    return stamp;
  }

  /**
   * Merges a stamp pulled from the server so this device's next stamps sort after everything it
   * has seen (a later local edit then wins over the pulled value). Throws ClockSkewError for a
   * stamp too far ahead of our wall clock; call inside the transaction that applies the change.
   */
  receive(stamp: string): void {
    const next = receiveHlc(this.last, decodeHlc(stamp), this.now());
    if (next.wallMs === this.last.wallMs && next.counter === this.last.counter) return;
    this.last = next;
    this.save.run(encodeHlc(this.last));
  }
}

import { decodeHlc, encodeHlc } from "../../../shared/hlc";
import type { Mailer } from "../accounts/mailer";
import type { TenantDatabases } from "../db/tenant-databases";
import { withTenant, type Tx } from "../db/with-tenant";
import type { Logger } from "../log";

/** Mails sent per studio per run: one slow studio cannot hold the others back for long. */
const BATCH = 20;
const SERVER_NODE = "server";

/**
 * A stamp later than every stamp on the row (its updated_at is the greatest), so the mailer's
 * "sent" or "failed" wins last-writer-wins over the desk's "queued" on every replica.
 */
export function stampAfter(updatedAt: string, nowMs: number): string {
  const last = decodeHlc(updatedAt);
  return nowMs > last.wallMs ? encodeHlc({ wallMs: nowMs, counter: 0, node: SERVER_NODE }) : encodeHlc({ wallMs: last.wallMs, counter: last.counter + 1, node: SERVER_NODE });
}

interface QueuedMail {
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attachment_name: string;
  attachment_base64: string;
  updated_at: string;
}

/**
 * Sends the documents' mail the desks queued (document_emails rows with status "queued"), through
 * the server's SMTP mailer, and writes back "sent" or "failed" with the error: a version bump,
 * so every desk pulls the outcome. Rows are taken FOR UPDATE SKIP LOCKED, so several server
 * processes never send one mail twice.
 */
export class DocumentMailer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly databases: TenantDatabases,
    private readonly mailer: Mailer,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs every `intervalMs` until stop(). */
  start(intervalMs = 5_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over the studios with mail waiting, in the primary and every dedicated database; resolves when done. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    for (const tenantId of await this.studiosWaiting()) {
      try {
        await this.sendFor(tenantId);
      } catch (err) {
        this.log({ level: "error", msg: "document mail run failed", tenantId, error: String(err) });
      }
    }
  }

  /** The waiting marks live beside the mail, so an Enterprise studio's are in its own database. */
  private async studiosWaiting(): Promise<string[]> {
    const { rows: dedicated } = await this.databases.primary.query<{ name: string }>("SELECT rsm_dedicated_database_names() AS name");
    const tenants: string[] = [];
    for (const database of [null, ...dedicated.map((d) => d.name)]) {
      try {
        const { rows } = await this.databases.pool(database).query<{ tenant_id: string }>("SELECT tenant_id::text FROM document_mail_waiting");
        tenants.push(...rows.map((r) => r.tenant_id));
      } catch (err) {
        // One unreachable database must not stop the mail of the others.
        this.log({ level: "error", msg: "document mail scan failed", database: database ?? this.databases.primaryDatabase, error: String(err) });
      }
    }
    return tenants;
  }

  private async sendFor(tenantId: string): Promise<void> {
    const pool = await this.databases.forTenant(tenantId);
    await withTenant(pool, tenantId, async (tx) => {
      // Waits for any transaction still queuing mail for this studio, then sees its rows.
      await tx.query("DELETE FROM document_mail_waiting WHERE tenant_id = $1", [tenantId]);
      const { rows } = await tx.query<QueuedMail>(
        `SELECT id::text, recipient, subject, body, attachment_name, attachment_base64, updated_at FROM document_emails
          WHERE tenant_id = $1 AND status = 'queued' AND deleted_at IS NULL ORDER BY created_at, id LIMIT ${BATCH + 1} FOR UPDATE SKIP LOCKED`,
        [tenantId],
      );
      for (const mail of rows.slice(0, BATCH)) await this.sendOne(tx, tenantId, mail);
      // More than one batch: left waiting for the next run.
      if (rows.length > BATCH) await tx.query("INSERT INTO document_mail_waiting (tenant_id) VALUES ($1) ON CONFLICT DO NOTHING", [tenantId]);
    });
  }

  private async sendOne(tx: Tx, tenantId: string, mail: QueuedMail): Promise<void> {
    let error: string | null = null;
    try {
      await this.mailer.send({
        to: mail.recipient, subject: mail.subject, text: mail.body,
        attachments: [{ filename: mail.attachment_name, content: Buffer.from(mail.attachment_base64, "base64"), contentType: "application/pdf" }],
      });
    } catch (err) {
      error = err instanceof Error ? err.message.slice(0, 1000) : String(err).slice(0, 1000);
    }
    const nowMs = this.now();
    const stamp = stampAfter(mail.updated_at, nowMs);
    const stamps = JSON.stringify({ status: stamp, error: stamp, sentAt: stamp });
    await tx.query(
      `UPDATE document_emails SET status = $3, error = $4, sent_at = $5, field_hlc = field_hlc || $6::jsonb, updated_at = $7
        WHERE tenant_id = $1 AND id = $2`,
      [tenantId, mail.id, error ? "failed" : "sent", error, error ? null : new Date(nowMs).toISOString(), stamps, stamp],
    );
    this.log({ level: error ? "warn" : "info", msg: error ? "document mail failed" : "document mail sent", tenantId, mailId: mail.id, ...(error ? { error } : {}) });
  }
}

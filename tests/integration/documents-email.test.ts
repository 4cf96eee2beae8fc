import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionTokens } from "../../shared/schemas/account";
import type { StudioCore } from "../../main/core/studio-core";
import type { SyncEngine } from "../../main/core/sync/sync-engine";
import { createMailer } from "../../sync-server/src/accounts/mailer";
import { DocumentMailer } from "../../sync-server/src/documents/document-mailer";
import type { LogLine } from "../../sync-server/src/log";
import { createTestDatabase, type TestDatabase } from "./support/postgres";
import { replicaDesk } from "./support/replica-desk";
import { startSmtpInbox, type SmtpInbox } from "./support/smtp-inbox";
import { signUpInput, startTestSyncServer, type TestSyncServer } from "./support/sync-test-server";

/**
 * Documents mailed from a desk: queued offline as a synced row, sent by the server's document
 * mailer through a real SMTP server (smtp-server) once the row arrives, and the outcome (sent, or
 * failed with the error) pulled back by the desk.
 */
let db: TestDatabase;
let srv: TestSyncServer;
let inbox: SmtpInbox;
let owner: SessionTokens;
let core: StudioCore;
let engine: SyncEngine;
let cleanup: () => void;
let clientId: string;
const logs: LogLine[] = [];
const signUp = signUpInput("mail");

beforeAll(async () => {
  db = await createTestDatabase("documents_email");
  srv = await startTestSyncServer(db);
  inbox = await startSmtpInbox();
  owner = await srv.client().accounts.signUp.mutate(signUp);
  const desk = replicaDesk(srv, owner, signUp.studioName, "docmail");
  ({ core, engine } = desk);
  cleanup = desk.close;
  await engine.syncOnce();
  clientId = core.clients.create({ kind: "person", name: "Léa Martin", email: "lea@example.fr" }).id;
});
afterAll(async () => {
  cleanup?.();
  await inbox?.close();
  await srv?.close();
});

function issuedInvoice(): string {
  const draft = core.documents.invoices.create({ clientId, lines: [{ kind: "custom", label: "Séance d'enregistrement", quantityMilli: 4000, unitPriceCents: 6000 }] });
  return core.documents.invoices.issue(draft.id).id;
}

describe("document mail", () => {
  it("queued offline, sent through SMTP with the PDF attached once synced, and the desk sees it sent", async () => {
    const invoiceId = issuedInvoice();
    const queued = await core.documents.send({ documentKind: "invoice", documentId: invoiceId });
    expect(queued.status).toBe("queued");
    const mailer = new DocumentMailer(srv.deps.databases, createMailer(inbox.url, "Studio <studio@localhost>", (l) => logs.push(l)), (l) => logs.push(l));

    // Nothing leaves before the desk syncs: the server does not have the row yet.
    await mailer.runOnce();
    expect(inbox.mails).toHaveLength(0);

    await engine.syncOnce();
    await mailer.runOnce();
    const mail = await inbox.mailFor("lea@example.fr", 0);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf/);
    expect(mail.raw).toContain(queued.attachmentName);
    const attachment = /Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(mail.raw.slice(mail.raw.indexOf("application/pdf")));
    expect(Buffer.from(attachment![1]!.replace(/\s/g, ""), "base64").subarray(0, 5).toString()).toBe("%PDF-");

    await engine.syncOnce();
    expect(core.documents.emails.status(queued.id)).toMatchObject({ status: "sent", error: null });
    expect(core.documents.emails.status(queued.id).sentAt).not.toBeNull();

    // Sent once: another run sends nothing more.
    await mailer.runOnce();
    expect(inbox.mails).toHaveLength(1);
  });

  it("a refused send is marked failed with its error; retried from the desk, it goes out", async () => {
    const queued = await core.documents.send({ documentKind: "invoice", documentId: issuedInvoice(), to: "compta@label.fr" });
    await engine.syncOnce();
    const down = new DocumentMailer(srv.deps.databases, createMailer("smtp://127.0.0.1:1", "Studio <studio@localhost>", (l) => logs.push(l)), (l) => logs.push(l));
    await down.runOnce();
    await engine.syncOnce();
    const failed = core.documents.emails.status(queued.id);
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/ECONNREFUSED|connect/i);

    expect(core.documents.emails.retry(queued.id).status).toBe("queued");
    await engine.syncOnce();
    const before = inbox.mails.length;
    await new DocumentMailer(srv.deps.databases, createMailer(inbox.url, "Studio <studio@localhost>", (l) => logs.push(l)), (l) => logs.push(l)).runOnce();
    await inbox.mailFor("compta@label.fr", before);
    await engine.syncOnce();
    expect(core.documents.emails.status(queued.id).status).toBe("sent");
  });
});

import { sendDocumentInput } from "../../../../shared/documents/document-inputs";
import { AppError } from "../../errors";
import { parseInput } from "../parse-input";
import type { DocumentContext } from "./document-context";
import type { DocumentRows } from "./document-rows";
import type { EmailRow, PdfFile } from "./document-types";
import { MAIL_TEXT, type MailedKind } from "./mail-text";

export type EmailStatusView = Omit<EmailRow, "attachmentBase64" | "body"> & { attachmentBytes: number };

/**
 * Mail with a document attached, queued as a synced row: written here even offline, sent by the
 * server's document mailer once it arrives there, which writes back sent or failed.
 */
export class EmailQueue {
  constructor(
    private readonly rows: DocumentRows,
    private readonly context: DocumentContext,
  ) {}

  async queue(input: unknown, document: (kind: "invoice" | "quote" | "contract", id: string) => Promise<{ pdf: PdfFile; clientId: string; kind: MailedKind | "contract"; title: string | null; number: string | null }>): Promise<EmailStatusView> {
    const data = parseInput(sendDocumentInput, input, "email");
    const doc = await document(data.documentKind, data.documentId);
    const client = this.context.client(doc.clientId);
    const to = data.to ?? client.email;
    if (!to) throw new AppError("NO_RECIPIENT", "The client has no email address", { to: ["v.required"] });
    const studio = this.context.studio();
    const words = MAIL_TEXT[client.documentLanguage];
    // A contract's title is its own (its template's language); the other documents are named in the client's.
    const title = doc.kind === "contract" ? doc.title ?? "" : words.title[doc.kind];
    const label = doc.number ? `${title} ${doc.number}` : title;
    const id = this.rows.insert("document_email", {
      to, subject: data.subject ?? `${label} — ${studio.name}`,
      body: data.body ?? words.body(client.contactName ?? client.name, label, studio.name),
      documentKind: data.documentKind, documentId: data.documentId, attachmentName: doc.pdf.filename, attachmentBase64: doc.pdf.base64, status: "queued", error: null, sentAt: null,
    });
    return this.status(id);
  }

  status(id: string): EmailStatusView {
    return strip(this.rows.get<EmailRow>("document_email", id));
  }

  list(documentId?: string): EmailStatusView[] {
    return this.rows.list<EmailRow>("document_email", "(? IS NULL OR document_id = ?)", [documentId ?? null, documentId ?? null]).map(strip);
  }

  /** Sends a failed mail again (the server's mailer picks queued rows up). */
  retry(id: string): EmailStatusView {
    const row = this.rows.get<EmailRow>("document_email", id);
    if (row.status !== "failed") throw new AppError("INVALID_TRANSITION", `Only a failed mail is sent again (this one is ${row.status})`, undefined, { from: row.status, to: "queued" });
    this.rows.update("document_email", id, { status: "queued", error: null });
    return this.status(id);
  }
}

function strip(row: EmailRow): EmailStatusView {
  const { attachmentBase64, body: _body, ...rest } = row;
  return { ...rest, attachmentBytes: Math.floor((attachmentBase64.length * 3) / 4) };
}

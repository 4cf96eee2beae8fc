import { createHash } from "node:crypto";
import { contractMergeValues } from "../../../../shared/documents/contract-merge-values";
import { contractSourceInput, createContractInput, signContractInput, updateContractInput } from "../../../../shared/documents/document-inputs";
import { displayNumber } from "../../../../shared/documents/document-numbers";
import { CONTRACT_TRANSITIONS, FROZEN_CONTRACT, canMove, type ContractStatus } from "../../../../shared/documents/document-status";
import { mergeTemplate } from "../../../../shared/documents/merge-fields";
import { depositRate } from "../../../../shared/booking/pricing";
import { renderContractPdf, type ContractDocument, type SignatureMark } from "../../documents/contract-pdf";
import { isUsablePng } from "../../documents/png-check";
import type { Db } from "../../db/open-database";
import { AppError } from "../../errors";
import type { DeviceClock } from "../../sync/device-clock";
import { parseInput } from "../parse-input";
import { requireOneClient, type DocumentContext } from "./document-context";
import type { DocumentRows } from "./document-rows";
import type { ContractRow, ContractView, PdfFile, TemplateRow } from "./document-types";
import { nextProvisionalNumber } from "./provisional-numbers";

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export interface HashCheck {
  stored: string;
  computed: string;
  ok: boolean;
}

/**
 * Contracts: merged from a template with a client's (and their sessions') details, previewed,
 * signed at the desk (drawn or typed), countersigned by the studio. The signed PDF's SHA-256 is
 * stored; after signing the text can no longer change (CONTRACT_SIGNED), and `verify` renders the
 * signed PDF again from the row and compares hashes, so any change made around the core shows.
 */
export class ContractService {
  constructor(
    private readonly db: Db,
    private readonly rows: DocumentRows,
    private readonly context: DocumentContext,
    private readonly clock: DeviceClock,
    private readonly now: () => number,
    /** A stored template or one of the defaults (document-settings.ts). */
    private readonly templateOf: (id: string) => TemplateRow,
  ) {}

  get(id: string): ContractView {
    return this.view(this.rows.get<ContractRow>("contract", id));
  }

  list(clientId?: string): ContractView[] {
    return this.rows.list<ContractRow>("contract", "(? IS NULL OR client_id = ?)", [clientId ?? null, clientId ?? null]).map((c) => this.view(c));
  }

  private view(c: ContractRow): ContractView {
    const { signatureData: _s, countersignatureData: _c, ...rest } = c;
    return { ...rest, displayNumber: displayNumber(c), hasSignatureImage: c.signatureKind === "drawn" };
  }

  /** The merged text for a template, client and sessions, with the fields the template names that the data does not have. */
  preview(input: unknown): { title: string; body: string; unknownFields: string[]; locationId: string | null; template: TemplateRow } {
    const { templateId, clientId, bookingIds } = parseInput(contractSourceInput, input, "contract");
    const template = this.templateOf(templateId);
    const client = this.context.client(clientId);
    const bookings = this.context.bookings(bookingIds);
    let locationId: string | null = null;
    if (bookings.length > 0) {
      const one = requireOneClient(bookings);
      if (one.clientId !== clientId) throw new AppError("VALIDATION_FAILED", "The bookings belong to another client", { bookingIds: ["v.invalid"] });
      locationId = one.locationId;
    }
    const studio = this.context.studio();
    const location = this.context.location(locationId);
    const totalCents = bookings.reduce((s, b) => s + b.totalCents, 0);
    const depositCents = bookings.reduce((s, b) => s + b.depositCents, 0);
    const values = contractMergeValues({
      language: template.language, currency: studio.currency,
      studio: { name: studio.legalName ?? studio.name, address: studio.address ?? location.address, vatNumber: studio.vatNumber, siret: studio.siret, email: studio.email ?? location.email, phone: studio.phone ?? location.phone },
      location: { name: location.name, timeZone: location.timeZone, address: location.address },
      client, projectName: bookings.find((b) => b.projectName)?.projectName ?? null,
      sessions: bookings.map((b) => ({ startsAt: new Date(b.startsAt).toISOString(), endsAt: new Date(b.endsAt).toISOString(), roomNames: b.roomNames, totalCents: b.totalCents })),
      rates: this.context.roomRates(bookings.flatMap((b) => b.roomIds)),
      depositBp: bookings[0]?.depositBp ?? depositRate(client.defaultDepositBp, studio.defaultDepositBp), depositCents, totalCents,
      policy: studio.policy, contractNumber: null, date: this.context.today(locationId, this.now()),
    });
    const merged = mergeTemplate(template.body, values);
    return { title: template.name, body: merged.text, unknownFields: merged.unknownFields, locationId, template };
  }

  create(input: unknown): ContractView {
    const data = parseInput(createContractInput, input, "contract");
    return this.db.transaction(() => {
      const p = this.preview(data);
      if (p.unknownFields.length > 0) throw new AppError("MERGE_FIELDS_UNKNOWN", `Unknown merge fields: ${p.unknownFields.join(", ")}`, undefined, { fields: p.unknownFields });
      const id = this.rows.insert("contract", {
        status: "draft", kind: p.template.kind, language: p.template.language, clientId: data.clientId, locationId: p.locationId, bookingIds: data.bookingIds,
        templateId: p.template.id, title: data.title ?? p.title, body: p.body,
      });
      return this.get(id);
    })();
  }

  update(input: unknown): ContractView {
    const { id, patch } = parseInput(updateContractInput, input, "contract");
    const c = this.editable(id);
    this.rows.update("contract", c.id, patch);
    return this.get(id);
  }

  send(id: string): ContractView {
    return this.db.transaction(() => {
      const c = this.editable(id);
      this.move(c.status, "sent");
      this.rows.update("contract", id, this.numbered(c, { status: "sent" }));
      return this.get(id);
    })();
  }

  /** The client signs: the signed PDF (signature, timestamp, audit page) is rendered and its SHA-256 stored with the signature. */
  async sign(input: unknown): Promise<ContractView> {
    const data = parseInput(signContractInput, input, "signature");
    const c = this.editable(data.id);
    this.move(c.status, "signed");
    const mark = markFrom(data, this.now());
    const pdf = await renderContractPdf(this.signedDocument({ ...c, status: "signed" }, mark, null));
    return this.db.transaction(() => {
      const current = this.rows.get<ContractRow>("contract", data.id);
      if (current.updatedAt !== c.updatedAt) throw new AppError("DOCUMENT_LOCKED", "The contract changed while it was being signed: sign again", undefined, { status: current.status });
      this.rows.update("contract", data.id, this.numbered(c, {
        status: "signed", signerName: mark.name, signerRole: mark.role, signatureKind: mark.kind, signatureData: mark.data, signedAt: mark.at, signedHash: sha256(pdf),
      }));
      return this.get(data.id);
    })();
  }

  /** The studio countersigns a signed contract; the countersigned PDF's hash is stored too. */
  async countersign(input: unknown): Promise<ContractView> {
    const data = parseInput(signContractInput, input, "signature");
    const c = this.rows.get<ContractRow>("contract", data.id);
    this.move(c.status, "countersigned");
    const mark = markFrom(data, this.now());
    const pdf = await renderContractPdf(this.signedDocument(c, markOf(c, "signer")!, mark));
    return this.db.transaction(() => {
      const current = this.rows.get<ContractRow>("contract", data.id);
      if (current.status !== "signed") throw new AppError("INVALID_TRANSITION", `A contract cannot go from ${current.status} to countersigned`, undefined, { from: current.status, to: "countersigned" });
      this.rows.update("contract", data.id, {
        status: "countersigned", countersignerName: mark.name, countersignerRole: mark.role, countersignatureKind: mark.kind, countersignatureData: mark.data,
        countersignedAt: mark.at, countersignedHash: sha256(pdf),
      });
      return this.get(data.id);
    })();
  }

  void(id: string): ContractView {
    const c = this.rows.get<ContractRow>("contract", id);
    this.move(c.status, "void");
    this.rows.update("contract", id, { status: "void", voidedAt: new Date(this.now()).toISOString() });
    return this.get(id);
  }

  /** Renders the signed (and countersigned) PDF again from the row and compares it with the stored hashes. */
  async verify(id: string): Promise<{ signed: HashCheck | null; countersigned: HashCheck | null }> {
    const c = this.rows.get<ContractRow>("contract", id);
    const signer = markOf(c, "signer");
    const counter = markOf(c, "countersigner");
    const check = async (stored: string | null, doc: ContractDocument | null): Promise<HashCheck | null> => {
      if (!stored || !doc) return null;
      const computed = sha256(await renderContractPdf(doc));
      return { stored, computed, ok: computed === stored };
    };
    return {
      signed: await check(c.signedHash, signer ? this.signedDocument(c, signer, null) : null),
      countersigned: await check(c.countersignedHash, signer && counter ? this.signedDocument(c, signer, counter) : null),
    };
  }

  /** The PDF as it stands: the countersigned or signed one (the very bytes whose hash is stored), else the current draft. */
  async pdf(id: string): Promise<PdfFile> {
    const c = this.rows.get<ContractRow>("contract", id);
    const signer = markOf(c, "signer");
    const counter = markOf(c, "countersigner");
    const doc = signer
      ? { ...this.signedDocument(c, signer, counter), voided: c.status === "void" }
      : { ...this.signedDocument(c, null, null), label: displayNumber(c), voided: c.status === "void", createdAt: new Date(this.now()) };
    const label = displayNumber(c) ?? c.id.slice(0, 8);
    return { filename: `${c.language === "fr" ? "contrat" : "contract"}-${label}${signer ? (counter ? "-contresigne" : "-signe") : ""}.pdf`, base64: (await renderContractPdf(doc)).toString("base64") };
  }

  private signedDocument(c: ContractRow, signer: SignatureMark | null, counter: SignatureMark | null): ContractDocument {
    return {
      id: c.id, language: c.language, title: c.title, body: c.body, label: null, voided: false, signature: signer, countersignature: counter,
      contentHash: sha256(c.body), signedHash: counter ? c.signedHash : null, createdAt: new Date(counter?.at ?? signer?.at ?? 0),
    };
  }

  /** A contract whose text may still change: neither signed nor void. */
  private editable(id: string): ContractRow {
    const c = this.rows.get<ContractRow>("contract", id);
    if (c.status === "void") throw new AppError("DOCUMENT_LOCKED", `Contract ${id} is void`, undefined, { status: c.status });
    if (FROZEN_CONTRACT.includes(c.status) || c.signedHash) throw new AppError("CONTRACT_SIGNED", `Contract ${id} is signed and can no longer change`, undefined, { status: c.status });
    return c;
  }

  /** A contract leaving draft is dated and takes this desk's provisional label (the server numbers it). */
  private numbered(c: ContractRow, patch: Record<string, unknown>): Record<string, unknown> {
    if (c.issuedOn) return patch;
    return { ...patch, issuedOn: this.context.today(c.locationId, this.now()), provisionalNumber: nextProvisionalNumber(this.db, this.clock.nodeId) };
  }

  private move(from: ContractStatus, to: ContractStatus): void {
    if (!canMove(CONTRACT_TRANSITIONS, from, to)) throw new AppError("INVALID_TRANSITION", `A contract cannot go from ${from} to ${to}`, undefined, { from, to });
  }
}

function markFrom(data: ReturnType<typeof signContractInput.parse>, nowMs: number): SignatureMark {
  const s = data.signature;
  if (s.kind === "drawn" && !isUsablePng(Buffer.from(s.dataUrl.slice(s.dataUrl.indexOf(",") + 1), "base64"))) {
    throw new AppError("VALIDATION_FAILED", "The drawn signature is not a usable PNG image", { "signature.dataUrl": ["v.invalid"] });
  }
  return { name: data.signerName, role: data.signerRole, kind: s.kind, data: s.kind === "drawn" ? s.dataUrl : s.text, at: new Date(nowMs).toISOString() };
}

function markOf(c: ContractRow, who: "signer" | "countersigner"): SignatureMark | null {
  if (who === "signer") {
    return c.signerName && c.signatureKind && c.signatureData && c.signedAt
      ? { name: c.signerName, role: c.signerRole ?? "", kind: c.signatureKind, data: c.signatureData, at: c.signedAt } : null;
  }
  return c.countersignerName && c.countersignatureKind && c.countersignatureData && c.countersignedAt
    ? { name: c.countersignerName, role: c.countersignerRole ?? "", kind: c.countersignatureKind, data: c.countersignatureData, at: c.countersignedAt } : null;
}

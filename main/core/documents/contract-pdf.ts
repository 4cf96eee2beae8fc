import type { DocumentLanguage } from "../../../shared/documents/contract-templates";
import { formatter, type Formatter } from "./pdf-format";
import { PDF_LABELS, type PdfLabels } from "./pdf-labels";
import { INK, PAGE, ensureSpace, pdfText, renderPdf, rule, stampPages, type Pdf } from "./pdf-writer";

export interface SignatureMark {
  name: string;
  role: string;
  kind: "drawn" | "typed";
  /** A PNG data URL (drawn) or the typed text. */
  data: string;
  at: string;
}

/**
 * What a contract PDF prints. Once signed it prints only what the contract row itself freezes (its
 * text, the signatures, their UTC timestamps): no number (the server gives it later), no studio
 * details read elsewhere, so rendering it again gives the same bytes and its SHA-256 can be checked.
 */
export interface ContractDocument {
  id: string;
  language: DocumentLanguage;
  title: string;
  body: string;
  /** The number or provisional label, printed on unsigned copies only. */
  label: string | null;
  voided: boolean;
  signature: SignatureMark | null;
  countersignature: SignatureMark | null;
  /** SHA-256 of the body, printed on the audit page. */
  contentHash: string;
  /** The client-signed PDF's hash, printed on the countersigned version's audit page. */
  signedHash: string | null;
  createdAt: Date;
}

function signatureBlock(doc: Pdf, x: number, y: number, heading: string, mark: SignatureMark | null, L: PdfLabels, f: Formatter): void {
  const width = 230;
  doc.font("Helvetica-Bold").fontSize(9).fillColor(INK.text).text(heading, x, y, { width });
  const box = { x, y: y + 14, w: width, h: 70 };
  doc.rect(box.x, box.y, box.w, box.h).lineWidth(0.5).strokeColor(INK.rule).stroke();
  if (mark?.kind === "drawn") {
    const png = Buffer.from(mark.data.replace(/^data:image\/png;base64,/, ""), "base64");
    doc.image(png, box.x + 6, box.y + 4, { fit: [box.w - 12, box.h - 8], align: "center", valign: "center" });
  } else if (mark?.kind === "typed") {
    doc.font("Times-Italic").fontSize(22).text(pdfText(mark.data), box.x + 8, box.y + 22, { width: box.w - 16, align: "center" });
  } else {
    doc.font("Helvetica").fontSize(8).fillColor(INK.muted).text(L.notSigned, box.x + 8, box.y + 30, { width: box.w - 16, align: "center" });
  }
  doc.font("Helvetica").fontSize(8).fillColor(INK.text);
  if (mark) {
    doc.text(pdfText(`${L.signedBy} ${mark.name} — ${L.role} : ${mark.role}`), x, box.y + box.h + 4, { width });
    doc.text(`${L.signedAt} ${f.instant(mark.at, "UTC")}`, x, doc.y, { width });
  }
}

function auditPage(doc: Pdf, c: ContractDocument, L: PdfLabels, f: Formatter): void {
  doc.addPage();
  doc.font("Helvetica-Bold").fontSize(14).fillColor(INK.accent).text(L.audit, PAGE.margin, PAGE.margin);
  doc.font("Helvetica").fontSize(8.5).fillColor(INK.muted).text(L.auditIntro, { width: PAGE.width - 2 * PAGE.margin });
  doc.moveDown();
  const row = (label: string, value: string) => {
    ensureSpace(doc, 24);
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(8.5).fillColor(INK.text).text(pdfText(label), PAGE.margin, y, { width: 170 });
    doc.font("Helvetica").text(pdfText(value), PAGE.margin + 175, y, { width: PAGE.width - 2 * PAGE.margin - 175 });
    doc.y = Math.max(doc.y, y) + 4;
  };
  row(L.document, c.title);
  row(L.contractId, c.id);
  row(L.contentHash, c.contentHash);
  for (const [heading, mark] of [[L.signer, c.signature], [L.countersigner, c.countersignature]] as const) {
    if (!mark) continue;
    rule(doc, doc.y + 2);
    doc.y += 8;
    row(heading, `${mark.name} (${mark.role})`);
    row(L.method, mark.kind === "drawn" ? L.drawn : L.typed);
    row(L.timestamp, `${mark.at} — ${f.instant(mark.at, "UTC")}`);
  }
  if (c.countersignature && c.signedHash) row(L.signedHash, c.signedHash);
}

/** The contract: its text, both signature blocks, and once signed an audit page. */
export function renderContractPdf(c: ContractDocument): Promise<Buffer> {
  const L = PDF_LABELS[c.language];
  const f = formatter(c.language, "EUR");
  const label = c.signature ? null : c.label;
  return renderPdf({ title: c.title, author: "Recording Studio Manager", createdAt: c.createdAt }, (doc) => {
    const width = PAGE.width - 2 * PAGE.margin;
    doc.font("Helvetica-Bold").fontSize(9).fillColor(INK.muted);
    if (label) doc.text(`${L.contract} ${L.number} ${label}`, PAGE.margin, PAGE.margin, { align: "right", width });
    if (c.voided) doc.fillColor("#b91c1c").text(L.void, PAGE.margin, doc.y, { align: "right", width });
    doc.moveDown(1);
    doc.font("Helvetica-Bold").fontSize(15).fillColor(INK.accent).text(pdfText(c.title), PAGE.margin, doc.y, { width });
    doc.moveDown(0.8);
    doc.font("Helvetica").fontSize(9.5).fillColor(INK.text).text(pdfText(c.body), { width, lineGap: 2 });
    ensureSpace(doc, 150);
    doc.moveDown(1.5);
    doc.font("Helvetica-Bold").fontSize(11).text(L.signatures, PAGE.margin, doc.y);
    const y = doc.y + 6;
    signatureBlock(doc, PAGE.margin, y, L.client, c.signature, L, f);
    signatureBlock(doc, PAGE.width - PAGE.margin - 230, y, L.studio, c.countersignature, L, f);
    if (c.signature) auditPage(doc, c, L, f);
    stampPages(doc, null, L.page);
  });
}

import type { DocumentLanguage } from "../../../shared/documents/contract-templates";
import type { DocumentLine } from "../../../shared/documents/document-line";
import { computeTotals } from "../../../shared/documents/document-totals";
import type { ClientDetails, LocationDetails, StudioDetails } from "../services/documents/document-context";
import { formatter, type Formatter } from "./pdf-format";
import { PDF_LABELS, type PdfLabels } from "./pdf-labels";
import { INK, PAGE, ensureSpace, pdfText, renderPdf, rule, stampPages, type Pdf } from "./pdf-writer";

/** An invoice, credit note or quote as its PDF prints it. */
export interface CommercialDocument {
  kind: "invoice" | "credit_note" | "quote";
  purpose: "standard" | "deposit" | "balance";
  language: DocumentLanguage;
  status: string;
  number: string | null;
  provisionalNumber: string | null;
  issuedOn: string | null;
  dueOn: string | null;
  validUntil: string | null;
  creditedNumber: string | null;
  currency: string;
  lines: DocumentLine[];
  paidCents: number;
  depositBp: number | null;
  notes: string | null;
  studio: StudioDetails;
  location: LocationDetails;
  client: ClientDetails;
  /** The PDF's creation date: the issue (or last change) time, so the same document gives the same bytes. */
  createdAt: Date;
}

const COL = { desc: PAGE.margin, qty: 300, unit: 340, disc: 405, vat: 450, total: 485, end: PAGE.width - PAGE.margin };

function title(d: CommercialDocument, L: PdfLabels): string {
  if (d.kind === "quote") return L.quote;
  if (d.kind === "credit_note") return L.credit_note;
  return d.purpose === "deposit" ? L.deposit_invoice : d.purpose === "balance" ? L.balance_invoice : L.invoice;
}

function header(doc: Pdf, d: CommercialDocument, L: PdfLabels, f: Formatter): void {
  const s = d.studio;
  const top = PAGE.margin;
  doc.font("Helvetica-Bold").fontSize(16).fillColor(INK.accent).text(pdfText(s.name), PAGE.margin, top, { width: 260 });
  doc.font("Helvetica").fontSize(8.5).fillColor(INK.text);
  const studioLines = [
    s.legalName && s.legalName !== s.name ? s.legalName : null,
    s.address ?? d.location.address,
    [s.email ?? d.location.email, s.phone ?? d.location.phone].filter(Boolean).join(" — ") || null,
    s.siret ? `${L.siret} ${s.siret}` : null,
    s.vatNumber ? `${L.vatNumber} ${s.vatNumber}` : null,
  ].filter((x): x is string => !!x);
  doc.text(pdfText(studioLines.join("\n")), { width: 260 });
  const leftBottom = doc.y;

  doc.font("Helvetica-Bold").fontSize(18).fillColor(INK.accent).text(title(d, L), 330, top, { width: PAGE.width - PAGE.margin - 330, align: "right" });
  doc.font("Helvetica").fontSize(9).fillColor(INK.text);
  const meta: string[] = [];
  if (d.number) meta.push(`${L.number} ${d.number}`);
  else if (d.provisionalNumber) meta.push(`${L.provisional} ${d.provisionalNumber}`, `(${L.provisionalNote})`);
  if (d.issuedOn) meta.push(`${L.issuedOn} : ${f.date(d.issuedOn)}`.replace(" : ", d.language === "fr" ? " : " : ": "));
  if (d.kind !== "quote" && d.dueOn) meta.push(`${L.dueOn}${d.language === "fr" ? " : " : ": "}${f.date(d.dueOn)}`);
  if (d.kind === "quote" && d.validUntil) meta.push(`${L.validUntil}${d.language === "fr" ? " : " : ": "}${f.date(d.validUntil)}`);
  if (d.creditedNumber) meta.push(`${L.creditFor} ${d.creditedNumber}`);
  doc.text(pdfText(meta.join("\n")), 330, doc.y + 4, { width: PAGE.width - PAGE.margin - 330, align: "right" });
  if (d.status === "draft") doc.font("Helvetica-Bold").fillColor("#b91c1c").text(L.draft, 330, doc.y + 2, { width: PAGE.width - PAGE.margin - 330, align: "right" });
  if (d.status === "void") doc.font("Helvetica-Bold").fillColor("#b91c1c").text(L.void, 330, doc.y + 2, { width: PAGE.width - PAGE.margin - 330, align: "right" });
  doc.font("Helvetica").fillColor(INK.text);

  const boxTop = Math.max(leftBottom, doc.y) + 16;
  const c = d.client;
  const clientLines = [c.contactName && c.contactName !== c.name ? c.contactName : null, c.address, c.email, c.vatNumber ? `${L.vatNumber} ${c.vatNumber}` : null]
    .filter((x): x is string => !!x);
  doc.fontSize(8).fillColor(INK.muted).text(L.billTo.toUpperCase(), 330, boxTop);
  doc.font("Helvetica-Bold").fontSize(10).fillColor(INK.text).text(pdfText(c.name), 330, doc.y + 2, { width: 215 });
  doc.font("Helvetica").fontSize(9).text(pdfText(clientLines.join("\n")), { width: 215 });
  doc.y = Math.max(doc.y, boxTop) + 18;
}

function lineTable(doc: Pdf, d: CommercialDocument, L: PdfLabels, f: Formatter): void {
  const head = (y: number) => {
    doc.font("Helvetica-Bold").fontSize(8).fillColor(INK.muted);
    doc.text(L.description, COL.desc, y, { width: COL.qty - COL.desc - 6 });
    doc.text(L.qty, COL.qty, y, { width: COL.unit - COL.qty - 4, align: "right" });
    doc.text(L.unitPrice, COL.unit, y, { width: COL.disc - COL.unit - 4, align: "right" });
    doc.text(L.discount, COL.disc, y, { width: COL.vat - COL.disc - 4, align: "right" });
    doc.text(L.vat, COL.vat, y, { width: COL.total - COL.vat - 4, align: "right" });
    doc.text(L.lineTotal, COL.total, y, { width: COL.end - COL.total, align: "right" });
    rule(doc, y + 12);
    doc.y = y + 18;
  };
  head(doc.y);
  const computed = computeTotals(d.lines).lines;
  d.lines.forEach((line, i) => {
    const c = computed[i]!;
    const details = [
      line.session ? f.session(line.session.startsAt, line.session.endsAt, line.session.timeZone) : null,
      line.projectName ? `${L.project} : ${line.projectName}`.replace(" : ", d.language === "fr" ? " : " : ": ") : null,
      line.detail,
    ].filter((x): x is string => !!x).map(pdfText);
    const descWidth = COL.qty - COL.desc - 6;
    doc.font("Helvetica-Bold").fontSize(9);
    const labelHeight = doc.heightOfString(pdfText(line.label), { width: descWidth });
    doc.font("Helvetica").fontSize(8);
    const detailHeight = details.length ? doc.heightOfString(details.join("\n"), { width: descWidth }) : 0;
    ensureSpace(doc, labelHeight + detailHeight + 8);
    if (doc.y === PAGE.margin) head(doc.y);
    const y = doc.y;
    doc.font("Helvetica-Bold").fontSize(9).fillColor(INK.text).text(pdfText(line.label), COL.desc, y, { width: descWidth });
    if (details.length) doc.font("Helvetica").fontSize(8).fillColor(INK.muted).text(details.join("\n"), COL.desc, doc.y, { width: descWidth });
    const bottom = doc.y;
    doc.font("Helvetica").fontSize(9).fillColor(INK.text);
    // An engineer's hours read "4 h": the line then says "4 h × 45,00 €".
    doc.text(`${f.quantity(line.quantityMilli)}${line.unit === "hour" ? " h" : ""}`, COL.qty, y, { width: COL.unit - COL.qty - 4, align: "right" });
    doc.text(f.money(line.unitPriceCents), COL.unit, y, { width: COL.disc - COL.unit - 4, align: "right" });
    doc.text(line.discountBp ? f.percent(line.discountBp) : "", COL.disc, y, { width: COL.vat - COL.disc - 4, align: "right" });
    doc.text(f.percent(c.vatBp), COL.vat, y, { width: COL.total - COL.vat - 4, align: "right" });
    doc.text(f.money(c.netCents), COL.total, y, { width: COL.end - COL.total, align: "right" });
    doc.y = bottom + 5;
    rule(doc, doc.y - 2);
  });
}

function totals(doc: Pdf, d: CommercialDocument, L: PdfLabels, f: Formatter): void {
  const t = computeTotals(d.lines);
  const rows: [string, string, boolean][] = [[L.totalNet, f.money(t.netCents), false]];
  if (t.discountCents) rows.push([L.totalDiscount, f.money(t.discountCents), false]);
  for (const b of t.vatByRate) rows.push([`${L.vatAt(f.percent(b.vatBp))} (${f.money(b.netCents)})`, f.money(b.vatCents), false]);
  rows.push([L.totalGross, f.money(t.totalCents), true]);
  if (d.kind === "invoice" && d.paidCents > 0) rows.push([L.paid, f.money(d.paidCents), false], [L.due, f.money(Math.max(0, t.totalCents - d.paidCents)), true]);
  ensureSpace(doc, rows.length * 15 + 10);
  let y = doc.y + 6;
  for (const [label, value, strong] of rows) {
    doc.font(strong ? "Helvetica-Bold" : "Helvetica").fontSize(strong ? 10.5 : 9).fillColor(INK.text);
    doc.text(pdfText(label), 300, y, { width: 170, align: "right" });
    doc.text(value, 470, y, { width: COL.end - 470, align: "right" });
    y += strong ? 16 : 13;
  }
  doc.y = y + 8;
}

function mentions(doc: Pdf, d: CommercialDocument, L: PdfLabels, f: Formatter): void {
  const s = d.studio;
  const paragraphs: string[] = [];
  if (d.notes) paragraphs.push(d.notes);
  if (d.kind === "quote") {
    if (d.validUntil) paragraphs.push(L.quoteValidity(f.date(d.validUntil)));
    if (d.depositBp) paragraphs.push(L.deposit(f.money(Math.round((computeTotals(d.lines).totalCents * d.depositBp) / 10_000)), f.percent(d.depositBp)));
  } else if (d.kind === "invoice") {
    paragraphs.push(L.terms(s.paymentTermsDays, d.dueOn ? f.date(d.dueOn) : null), L.methods);
    if (s.iban) paragraphs.push(L.bank(s.iban, s.bic));
    paragraphs.push(L.lateFees(f.percent(s.lateFeeBp)));
  }
  doc.font("Helvetica").fontSize(8).fillColor(INK.text);
  for (const p of paragraphs) {
    ensureSpace(doc, doc.heightOfString(pdfText(p), { width: PAGE.width - 2 * PAGE.margin }) + 6);
    doc.text(pdfText(p), PAGE.margin, doc.y, { width: PAGE.width - 2 * PAGE.margin });
    doc.moveDown(0.4);
  }
}

/** The legal line at the foot of each page: who the studio is, as the law wants it printed. */
export function legalFooter(s: StudioDetails, L: PdfLabels): string {
  return [
    s.legalName ?? s.name,
    s.legalForm ? (s.shareCapital ? `${s.legalForm} ${L.capital(s.shareCapital)}` : s.legalForm) : null,
    s.rcs,
    s.siret ? `${L.siret} ${s.siret}` : null,
    s.vatNumber ? `${L.vatNumber} ${s.vatNumber}` : null,
    s.footer,
  ].filter(Boolean).join(" — ");
}

export function renderCommercialPdf(d: CommercialDocument): Promise<Buffer> {
  const L = PDF_LABELS[d.language];
  const f = formatter(d.language, d.currency);
  const name = `${title(d, L)} ${d.number ?? d.provisionalNumber ?? ""}`.trim();
  return renderPdf({ title: name, author: d.studio.name, createdAt: d.createdAt }, (doc) => {
    header(doc, d, L, f);
    lineTable(doc, d, L, f);
    totals(doc, d, L, f);
    mentions(doc, d, L, f);
    stampPages(doc, legalFooter(d.studio, L), L.page);
  });
}

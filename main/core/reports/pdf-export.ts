import PDFDocument from "pdfkit";
import { printedText } from "./cell-format";
import type { ExportLocale } from "./report-labels";
import type { ReportDocument, ReportTable } from "./report-tables";

const MARGIN = 36;
const FONT = "Helvetica";
const BOLD = "Helvetica-Bold";
const SIZE = 8;
const ROW = 13;

type Doc = InstanceType<typeof PDFDocument>;

/** Cuts `text` with an ellipsis until it fits `width` at the current font. */
function fit(doc: Doc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Column widths from their content, scaled down to the page when the table is wider than it. */
function widths(doc: Doc, table: ReportTable, cells: string[][], available: number): number[] {
  const natural = table.columns.map((c, i) => {
    doc.font(BOLD).fontSize(SIZE);
    let w = doc.widthOfString(c.label);
    doc.font(FONT);
    for (const row of cells) w = Math.max(w, doc.widthOfString(row[i]!));
    return Math.min(w + 10, c.kind === "text" ? 180 : 110);
  });
  const total = natural.reduce((s, w) => s + w, 0);
  return total > available ? natural.map((w) => (w * available) / total) : natural;
}

function drawTable(doc: Doc, table: ReportTable, locale: ExportLocale, currency: string): void {
  const pageBottom = () => doc.page.height - MARGIN;
  const available = doc.page.width - 2 * MARGIN;
  const cells = table.rows.map((row) => row.map((cell, i) => printedText(table.columns[i]!.kind, cell, locale, currency)));
  const cols = widths(doc, table, cells, available);
  const line = (texts: string[], bold: boolean) => {
    if (doc.y + ROW > pageBottom()) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    doc.font(bold ? BOLD : FONT).fontSize(SIZE);
    texts.forEach((text, i) => {
      const w = cols[i]!;
      const right = table.columns[i]!.kind !== "text" && table.columns[i]!.kind !== "date";
      doc.text(fit(doc, text, w - 6), x + 3, y + 2, { width: w - 6, align: right ? "right" : "left", lineBreak: false });
      x += w;
    });
    doc.moveTo(MARGIN, y + ROW).lineTo(MARGIN + cols.reduce((s, w) => s + w, 0), y + ROW).lineWidth(bold ? 0.8 : 0.3).strokeColor("#999999").stroke();
    doc.x = MARGIN;
    doc.y = y + ROW;
  };
  if (doc.y + 3 * ROW + 16 > pageBottom()) doc.addPage();
  doc.moveDown(0.8).font(BOLD).fontSize(11).fillColor("#000000").text(table.title, MARGIN, doc.y);
  doc.moveDown(0.3);
  const header = table.columns.map((c) => c.label);
  line(header, true);
  for (const row of cells) {
    // A table running onto a new page repeats its headings there.
    if (doc.y + ROW > pageBottom()) {
      doc.addPage();
      line(header, true);
    }
    line(row, false);
  }
}

/** The report for printing: A4 landscape, built-in Helvetica, each table with its headings and figures. */
export function reportPdf(doc: ReportDocument, locale: ExportLocale): Promise<Buffer> {
  const pdf = new PDFDocument({ size: "A4", layout: "landscape", margin: MARGIN, info: { Title: `${doc.title} — ${doc.subtitle}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  pdf.font(BOLD).fontSize(16).text(doc.title, MARGIN, MARGIN);
  pdf.font(FONT).fontSize(10).fillColor("#444444").text(doc.subtitle);
  for (const table of doc.tables) drawTable(pdf, table, locale, doc.currency);
  pdf.end();
  return done;
}

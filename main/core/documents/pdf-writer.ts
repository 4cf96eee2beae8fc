import PDFDocument from "pdfkit";

export type Pdf = PDFKit.PDFDocument;

export const PAGE = { margin: 50, width: 595.28, height: 841.89 };
export const INK = { text: "#1f2937", muted: "#6b7280", rule: "#d1d5db", accent: "#111827" };

/**
 * Renders with pdfkit's built-in Helvetica (WinAnsi: French accents, «», € and ’ included) into a
 * buffer. `createdAt` is written as the PDF's creation date, and pdfkit derives the file id from
 * the document info, so the same inputs give the same bytes: a signed contract's SHA-256 can be
 * checked by rendering it again.
 */
export async function renderPdf(meta: { title: string; author: string; createdAt: Date }, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: PAGE.margin,
    bufferPages: true,
    info: { Title: meta.title, Author: meta.author, Creator: "Recording Studio Manager", Producer: "Recording Studio Manager", CreationDate: meta.createdAt, ModDate: meta.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", () => resolve());
    doc.on("error", reject);
  });
  doc.font("Helvetica").fontSize(10).fillColor(INK.text);
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/**
 * Text safe for Helvetica's WinAnsi encoding: Intl's narrow and non-breaking spaces (thousands
 * separators, "12 h") become plain spaces, and characters outside the encoding become "?" rather
 * than garbage glyphs.
 */
export function pdfText(text: string): string {
  return text
    .replace(/[\u202f\u00a0\u2009]/g, " ")
    .replace(/[\u2212]/g, "-")
    .replace(/[^\n\r\t\u0020-\u007e\u00a0-\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, "?");
}

/** Page numbers "1 / 3" at the foot of every page, with an optional footer line above them. */
export function stampPages(doc: Pdf, footer: string | null, pageLabel: (n: number, of: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(7).fillColor(INK.muted);
    if (footer) doc.text(pdfText(footer), PAGE.margin, PAGE.height - 42, { width: PAGE.width - 2 * PAGE.margin, align: "center", lineBreak: true, height: 20 });
    doc.text(pageLabel(i + 1, range.count), PAGE.margin, PAGE.height - 22, { width: PAGE.width - 2 * PAGE.margin, align: "right" });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(INK.text);
}

export function rule(doc: Pdf, y: number = doc.y): void {
  doc.moveTo(PAGE.margin, y).lineTo(PAGE.width - PAGE.margin, y).lineWidth(0.5).strokeColor(INK.rule).stroke();
}

/** Starts a new page when fewer than `needed` points are left above the footer. */
export function ensureSpace(doc: Pdf, needed: number): void {
  if (doc.y + needed > PAGE.height - 60) doc.addPage();
}

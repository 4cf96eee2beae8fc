import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { WEEK } from "../../../shared/reports/report-fixtures";
import { createCoreCaller } from "../router/app-router";
import { ENGINEER_WITH_REPORTS, actingAs, reportWorld, type ReportWorld } from "../services/reports/report-test-fixtures";

let w: ReportWorld;
afterEach(() => w?.close());

const exported = async (report: "revenue" | "utilisation" | "cancellations" | "deposits" | "topClients" | "engineers", format: "csv" | "xlsx" | "pdf", locale?: "fr" | "en") => {
  const file = await createCoreCaller({ core: w.core }).reports.export({ report, format, locale, period: WEEK, granularity: "day" });
  return { ...file, bytes: Buffer.from(file.base64, "base64") };
};

/** RFC 4180 read back: quoted fields may hold separators, quotes and newlines. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

/** The rows of a CSV section: those after its title line and headings, up to the next empty line. */
function section(rows: string[][], title: string): string[][] {
  const start = rows.findIndex((r) => r.length === 1 && r[0] === title);
  expect(start).toBeGreaterThan(0);
  const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === "");
  return rows.slice(start + 1, end < 0 ? undefined : end);
}

function sheets(bytes: Buffer): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(bytes))).map(([name, data]) => [name, strFromU8(data)]));
}

/** A cell's XML by reference, e.g. `<c r="I5" s="1"><v>2376.01</v></c>`. */
const cell = (xml: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>.*?</c>`).exec(xml)?.[0];

function pdfText(bytes: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-pdf-"));
  try {
    fs.writeFileSync(path.join(dir, "r.pdf"), bytes);
    return execFileSync("pdftotext", ["-layout", path.join(dir, "r.pdf"), "-"], { encoding: "utf8" });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("report exports, opened back", () => {
  it("writes revenue as a French CSV with every table and the hand-computed figures", async () => {
    w = reportWorld();
    const file = await exported("revenue", "csv");
    expect(file.filename).toBe("chiffre-affaires_2026-03-23_2026-03-29.csv");
    expect(file.mimeType).toBe("text/csv;charset=utf-8");
    const text = file.bytes.toString("utf8");
    expect(text.startsWith("\uFEFFChiffre d'affaires\r\nPériode : 23/03/2026 – 29/03/2026\r\n")).toBe(true);
    const rows = parseCsv(text.slice(1), ";");
    expect(section(rows, "Totaux")).toEqual([
      ["Nom", "Réservations", "Heures", "HT", "TVA", "TTC", "Frais d'annulation", "Frais d'absence", "Total encaissable"],
      ["Totaux", "4", "17,00", "1505,01", "301,00", "1806,01", "114,00", "456,00", "2376,01"],
    ]);
    expect(section(rows, "Par salle").slice(1).map((r) => [r[0], r[8]])).toEqual([["Studio B", "1212,00"], ["Studio A", "1164,01"]]);
    expect(section(rows, "Par période").slice(1).map((r) => [r[0], r[9]])).toEqual([
      ["2026-03-23", "408,00"], ["2026-03-24", "600,01"], ["2026-03-25", "342,00"], ["2026-03-26", "114,00"], ["2026-03-27", "456,00"], ["2026-03-28", "456,00"], ["2026-03-29", "0,00"],
    ]);
    expect(section(rows, "Par ingénieur").slice(1).map((r) => r[0])).toEqual(["Sans ingénieur", "Hugo Lefèvre", "Camille Rousseau"]);
  });

  it("writes an English CSV with commas and points", async () => {
    w = reportWorld();
    const rows = parseCsv((await exported("utilisation", "csv", "en")).bytes.toString("utf8").slice(1), ",");
    expect(section(rows, "By room")).toEqual([
      ["Name", "Open hours", "Booked hours", "Outside opening hours", "Utilisation"],
      ["Studio A", "65.00", "10.00", "3.00", "15.4"],
      ["Studio B", "65.00", "10.00", "0.00", "15.4"],
    ]);
  });

  it("writes a valid XLSX workbook: a sheet per table, numbers as numbers, money in euros, dates as dates", async () => {
    w = reportWorld();
    const file = await exported("revenue", "xlsx");
    expect(file.filename).toBe("chiffre-affaires_2026-03-23_2026-03-29.xlsx");
    expect(file.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const parts = sheets(file.bytes);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]));
    expect([...parts["xl/workbook.xml"]!.matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "Totaux", "Par période", "Par lieu", "Par salle", "Par ingénieur", "Par client", "Par type de réservation",
    ]);
    expect(parts["xl/styles.xml"]).toContain('formatCode="#,##0.00\\ &quot;€&quot;"');
    const totals = parts["xl/worksheets/sheet1.xml"]!;
    expect(cell(totals, "A4")).toContain("Nom");
    // Row 5: the totals; money cells carry the euro style (1) and the amount in euros.
    expect(cell(totals, "B5")).toBe('<c r="B5" s="0"><v>4</v></c>');
    expect(cell(totals, "C5")).toBe('<c r="C5" s="3"><v>17</v></c>');
    expect(cell(totals, "D5")).toBe('<c r="D5" s="1"><v>1505.01</v></c>');
    expect(cell(totals, "I5")).toBe('<c r="I5" s="1"><v>2376.01</v></c>');
    // Sheet 2, the days: 23 March 2026 is day 46104 of Excel's calendar, styled as a date (2).
    const series = parts["xl/worksheets/sheet2.xml"]!;
    expect(cell(series, "A5")).toBe('<c r="A5" s="2"><v>46104</v></c>');
    expect(cell(series, "J6")).toBe('<c r="J6" s="1"><v>600.01</v></c>');
    expect(cell(parts["xl/worksheets/sheet4.xml"]!, "A5")).toContain("<t xml:space=\"preserve\">Studio B</t>");
  });

  it("writes a PDF for printing whose text carries the figures", async () => {
    w = reportWorld();
    const file = await exported("revenue", "pdf");
    expect(file.mimeType).toBe("application/pdf");
    expect(file.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(file.bytes);
    expect(text).toContain("Chiffre d'affaires");
    expect(text).toContain("Période : 23/03/2026 – 29/03/2026");
    expect(text).toMatch(/Totaux\s+4\s+17,00\s+1 505,01 €\s+301,00 €\s+1 806,01 €\s+114,00 €\s+456,00 €\s+2 376,01 €/);
    expect(text).toMatch(/Studio B\s+2\s+10,00\s+630,00 €\s+126,00 €\s+756,00 €\s+0,00 €\s+456,00 €\s+1 212,00 €/);
  });

  it("prints the utilisation heatmap with Sunday's missing 02:00 left empty", async () => {
    w = reportWorld();
    const text = pdfText((await exported("utilisation", "pdf")).bytes);
    expect(text).toContain("Occupation par jour et heure");
    expect(text).toMatch(/Lumière Paris\s+2\s+167,00\s+130,00\s+20,00\s+3,00\s+15,4 %/);
    expect(text).toMatch(/10:00\s+50,0 %\s+0,0 %\s+0,0 %\s+0,0 %/);
    // Only Saturday night is open after midnight: Sunday 01:00 half booked, 02:00 never was, 03:00 open and free.
    expect(text).toMatch(/^\s*01:00\s+50,0 %\s*$/m);
    expect(text).toMatch(/^\s*02:00\s*$/m);
    expect(text).toMatch(/^\s*03:00\s+0,0 %\s*$/m);
  });

  it("exports cancellations, deposits, top clients and engineers with their figures", async () => {
    w = reportWorld();
    const csv = async (report: Parameters<typeof exported>[0]) => parseCsv((await exported(report, "csv")).bytes.toString("utf8").slice(1), ";");
    expect(section(await csv("cancellations"), "Détail").slice(1).map((r) => [r[0], r[1], r[5], r[8]])).toEqual([
      ["2026-03-26", "10:00", "Annulée", "114,00"], ["2026-03-27", "18:00", "Absence", "456,00"],
    ]);
    expect(section(await csv("deposits"), "Totaux")[1]).toEqual(["4", "2", "410,40", "236,80", "205,20", "205,20"]);
    expect(section(await csv("topClients"), "Par client")[1]).toEqual(["1", "Label Nuit Blanche", "2", "8,00", "1320,00", "64,9"]);
    expect(section(await csv("engineers"), "Par ingénieur").slice(1)).toEqual([
      ["Camille Rousseau", "2", "10,00", "4,00", "40,0", "10,00", "180,00"],
      ["Hugo Lefèvre", "1", "6,00", "6,00", "100,0", "6,00", "270,00"],
      ["Totaux", "3", "16,00", "10,00", "", "16,00", "450,00"],
    ]);
    expect((await exported("deposits", "csv")).filename).toBe("acomptes_2026-03-20.csv");
  });

  it("leaves money out of an engineer's exports, in every format", async () => {
    w = reportWorld();
    actingAs(w.core, ENGINEER_WITH_REPORTS);
    const rows = parseCsv((await exported("revenue", "csv")).bytes.toString("utf8").slice(1), ";");
    expect(section(rows, "Totaux")).toEqual([["Nom", "Réservations", "Heures"], ["Totaux", "4", "17,00"]]);
    const parts = sheets((await exported("revenue", "xlsx")).bytes);
    for (const [name, xml] of Object.entries(parts)) if (name.startsWith("xl/worksheets/")) expect(xml).not.toMatch(/ s="1"/);
    const text = pdfText((await exported("revenue", "pdf")).bytes);
    expect(text).not.toContain("€");
    expect(text).toMatch(/Totaux\s+4\s+17,00/);
  });
});

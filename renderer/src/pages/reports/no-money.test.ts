import { createElement, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withoutMoney } from "../../../../shared/reports/money-visibility";
import { emptyRevenue } from "../../../../shared/reports/revenue";
import { useReportFormat } from "./format";
import { RevenueSection } from "./RevenueSection";
import type { RevenueReport } from "./report-types";

const figures = { ...emptyRevenue(), bookings: 3, hours: 10.5, netCents: 90_000, vatCents: 18_000, grossCents: 108_000, totalCents: 108_000 };
const row = (key: string, label: string) => ({ key, label, ...figures });
const full = {
  money: true, currency: "EUR", locations: [{ id: "l1", name: "Paris", timeZone: "Europe/Paris" }],
  period: { from: "2026-03-01", to: "2026-04-01" }, granularity: "month", previous: null, changes: null,
  totals: figures, series: [{ key: "2026-03", from: "2026-03-01", to: "2026-04-01", ...figures }], seriesByLocation: [],
  byLocation: [row("l1", "Paris")], byRoom: [row("r1", "Studio A")], byEngineer: [row("s1", "Camille")], byClient: [row("c1", "Héloïse")], byType: [row("hourly", "hourly")],
};

function render(report: unknown): string {
  const Page: FunctionComponent = () => createElement(RevenueSection, { report: report as RevenueReport, f: useReportFormat("EUR"), sideBySide: false });
  return renderToStaticMarkup(createElement(Page));
}

describe("the revenue report on screen", () => {
  it("shows amounts in euros, French style, to those who may see money", () => {
    const html = render(full);
    expect(html).toMatch(/1\s?080,00\s?€/);
    expect(html).toContain("10,5 h");
  });

  it("shows hours only, and no € anywhere, when the core left the money out", () => {
    const html = render(withoutMoney({ ...full, money: false }));
    expect(html).not.toContain("€");
    expect(html).toContain("10,5 h");
    expect(html).toContain("Heures réservées par période");
  });
});

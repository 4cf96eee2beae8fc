import { useState, type ReactNode } from "react";
import type { Column } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { useT } from "../../i18n";
import type { Change } from "../../../../shared/reports/compare";
import type { ReportFormat } from "./format";

/** One headline figure, with its change against the previous period when compared. */
export function Kpi({ label, value, change, f, testId, fmt }: {
  label: string; value: ReactNode; change?: Change | null; f: ReportFormat; testId?: string;
  /** How the previous figure reads, said when there is no ratio (the previous period had none). */
  fmt?: (v: number) => string;
}) {
  const ratio = change?.ratio;
  const tone = change === undefined || change === null || ratio === null || ratio === undefined || Math.abs(ratio) < 0.005 ? "flat" : ratio > 0 ? "up" : "down";
  return (
    <div className="kpi" data-testid={testId}>
      <div className="kpi-label">{label}</div>
      <div className="kpi-value">{value}</div>
      {change !== undefined && change !== null && (
        <div className={`kpi-change ${tone}`}>{ratio === null && fmt ? f.t("reports.change.previous", { value: fmt(change.previous) }) : f.change(ratio)}</div>
      )}
    </div>
  );
}

export function KpiRow({ children }: { children: ReactNode }) {
  return <div className="kpi-row">{children}</div>;
}

const FIRST_ROWS = 25;

/**
 * A read-only table of a report: numbers right-aligned, hidden columns left out (money without the
 * right); a long list shows its first rows and a button for the rest.
 */
export function ReportTable<Row>({ label, columns: all, rows: allRows, rowKey, long, empty }: {
  label: string; columns: Column<Row>[]; rows: Row[]; rowKey(row: Row, i: number): string;
  /** A list that may run long: its first rows, and "Show all (n rows)". */
  long?: boolean;
  /** Said instead of an empty table. */
  empty?: string;
}) {
  const t = useT();
  const columns = all.filter((c) => !c.hidden);
  const [whole, setWhole] = useState(false);
  if (empty !== undefined && allRows.length === 0) return <ReportEmpty title={t("reports.empty.title")} body={empty} />;
  const rows = whole || !long ? allRows : allRows.slice(0, FIRST_ROWS);
  return (
    <div className="table-scroll">
      <table className="data report-table" aria-label={label}>
        <thead>
          <tr>{columns.map((c) => <th key={c.key} className={c.className}>{c.header}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={rowKey(row, i)}>{columns.map((c) => <td key={c.key} className={c.className}>{c.render(row)}</td>)}</tr>
          ))}
        </tbody>
      </table>
      {rows.length < allRows.length && (
        <div className="table-foot"><button type="button" className="btn small" onClick={() => setWhole(true)}>{t("reports.showAll", { n: allRows.length })}</button></div>
      )}
    </div>
  );
}

export function ReportEmpty({ title, body }: { title: string; body: string }) {
  return <EmptyState icon="chart" title={title} body={body} />;
}

export function Loading({ text }: { text: string }) {
  return <div className="card card-pad subtle" aria-busy="true">{text}</div>;
}

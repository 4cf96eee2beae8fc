import type { ReactNode } from "react";
import { Icon } from "./Icon";

export interface Column<Row> {
  key: string;
  header: string;
  /** Set when the core can sort by this column. */
  sortKey?: string;
  className?: string;
  /** Left out, e.g. a money column for someone without finance.view. */
  hidden?: boolean;
  render(row: Row): ReactNode;
}

export interface SortState {
  sort: string;
  direction: "asc" | "desc";
}

interface Props<Row extends { id: string }> {
  columns: Column<Row>[];
  rows: Row[];
  sort: SortState;
  onSort(next: SortState): void;
  onOpen(row: Row): void;
  label: string;
}

/** A sortable list where every row is reachable by keyboard: Tab to a row, Enter opens it. */
export function DataTable<Row extends { id: string }>({ columns: all, rows, sort, onSort, onOpen, label }: Props<Row>) {
  const columns = all.filter((c) => !c.hidden);
  return (
    // Wider than its card on a small screen (long e-mails, many columns): it scrolls sideways inside the card.
    <div className="table-scroll">
    <table className="data" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.key} className={c.className} aria-sort={c.sortKey === sort.sort ? (sort.direction === "asc" ? "ascending" : "descending") : undefined}>
              {c.sortKey ? (
                <button
                  type="button"
                  onClick={() => onSort({ sort: c.sortKey!, direction: sort.sort === c.sortKey && sort.direction === "asc" ? "desc" : "asc" })}
                >
                  {c.header}
                  {sort.sort === c.sortKey && <Icon name={sort.direction === "asc" ? "arrowUp" : "arrowDown"} size={12} />}
                </button>
              ) : (
                c.header
              )}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            tabIndex={0}
            data-row-id={row.id}
            onClick={() => onOpen(row)}
            onKeyDown={(e) => {
              if (e.key === "Enter") onOpen(row);
              if (e.key === "ArrowDown") (e.currentTarget.nextElementSibling as HTMLElement | null)?.focus();
              if (e.key === "ArrowUp") (e.currentTarget.previousElementSibling as HTMLElement | null)?.focus();
            }}
          >
            {columns.map((c) => (
              <td key={c.key} className={c.className}>{c.render(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}

export interface HeatCell {
  /** Row: 0 = Monday. */
  row: number;
  /** Column: the hour, 0–23. */
  column: number;
  /** 0..1; null: nothing open. */
  value: number | null;
}

interface Props {
  cells: HeatCell[];
  rowLabels: string[];
  title: string;
  /** The figure written in the cell and read out: "62 %". */
  format(value: number): string;
  /** "Monday 10 h: 62 %" for each cell's tooltip and the screen reader. */
  describe(row: number, column: number, value: number | null): string;
}

const CELL_W = 40;
const CELL_H = 26;
const LEFT = 92;
const TOP = 20;

/**
 * Weekday × hour grid, darker where more of the open time was booked, each cell with its share
 * written in it; only the hours some location is open are drawn.
 */
export function Heatmap({ cells, rowLabels, title, format, describe }: Props) {
  const open = cells.filter((c) => c.value !== null).map((c) => c.column);
  const first = open.length ? Math.min(...open) : 9;
  const last = open.length ? Math.max(...open) : 18;
  const columns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const width = LEFT + columns.length * CELL_W + 4;
  const height = TOP + rowLabels.length * CELL_H + 4;
  const at = new Map(cells.map((c) => [`${c.row} ${c.column}`, c.value]));
  return (
    <figure className="chart heatmap">
      <figcaption className="chart-title">{title}</figcaption>
      <div className="heatmap-scroll">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={title} className="heatmap-svg" data-testid="heatmap">
          {columns.map((h, i) => (
            <text key={h} className="chart-label" x={LEFT + i * CELL_W + CELL_W / 2} y={TOP - 7} textAnchor="middle">{`${h}h`}</text>
          ))}
          {rowLabels.map((label, r) => (
            <g key={label}>
              <text className="chart-label heat-row" x={LEFT - 8} y={TOP + r * CELL_H + CELL_H / 2 + 4} textAnchor="end">{label}</text>
              {columns.map((h, i) => {
                const value = at.get(`${r} ${h}`) ?? null;
                const level = value === null ? -1 : Math.min(4, Math.floor(value * 5));
                return (
                  <g key={h} role="presentation">
                    <rect x={LEFT + i * CELL_W + 1} y={TOP + r * CELL_H + 1} width={CELL_W - 2} height={CELL_H - 2} rx={4} className={`heat-cell heat-${level < 0 ? "closed" : level}`}>
                      <title>{describe(r, h, value)}</title>
                    </rect>
                    {value !== null && (
                      <text className={`heat-value level-${level}`} x={LEFT + i * CELL_W + CELL_W / 2} y={TOP + r * CELL_H + CELL_H / 2 + 4} textAnchor="middle">{format(value)}</text>
                    )}
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
    </figure>
  );
}

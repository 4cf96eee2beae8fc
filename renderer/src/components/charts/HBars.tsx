export interface HBarDatum {
  key: string;
  label: string;
  value: number;
  /** A second, smaller part of the same bar (billable hours of all hours). */
  part?: number;
  /** What is written beside the bar. */
  text: string;
}

/**
 * One horizontal bar per row with its figure beside it: rooms' utilisation, top clients,
 * engineers' hours. `max` fixes the scale (1 for shares), else the largest value fills the row.
 */
export function HBars({ data, title, max }: { data: HBarDatum[]; title: string; max?: number }) {
  const top = max ?? Math.max(1e-9, ...data.map((d) => d.value));
  return (
    <figure className="chart">
      <figcaption className="chart-title">{title}</figcaption>
      <ul className="hbars" aria-label={title}>
        {data.map((d) => (
          <li key={d.key} className="hbar-row">
            <span className="hbar-label" title={d.label}>{d.label}</span>
            <svg className="hbar-track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              <rect x={0} y={0} width={100} height={10} rx={2} className="hbar-bg" />
              <rect x={0} y={0} width={Math.min(100, (d.value / top) * 100)} height={10} rx={2} className="hbar-fill" />
              {d.part !== undefined && <rect x={0} y={0} width={Math.min(100, (d.part / top) * 100)} height={10} rx={2} className="hbar-part" />}
            </svg>
            <span className="hbar-value">{d.text}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

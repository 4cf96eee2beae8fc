import { useLayoutEffect, useRef, useState } from "react";

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** The same bar of the previous period, drawn as a dashed line over the bars. */
  previous?: number;
}

interface Props {
  data: BarDatum[];
  /** How a value reads, on the bars and to a screen reader. */
  format(value: number): string;
  title: string;
  previousLabel?: string;
  /** The bars' name in the legend, beside the previous period's line. */
  currentLabel?: string;
  height?: number;
}

/** The figure's own width, so text keeps its size in a half-width card as in a full one. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    const measure = () => setWidth(Math.max(240, Math.round(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
const PAD_BOTTOM = 28;

/**
 * Vertical bars with each value written above its bar (turned upright when bars are narrow), and
 * the previous period as a dashed line: an SVG that scales to its card, named for screen readers.
 */
export function BarChart({ data, format, title, previousLabel, currentLabel, height = 220 }: Props) {
  const { ref, width: W } = useWidth(720);
  const max = Math.max(1, ...data.map((d) => Math.max(d.value, d.previous ?? 0)));
  const step = W / Math.max(1, data.length);
  const bar = Math.max(2, Math.min(56, step * 0.7));
  // Narrow bars carry their value upright: room above the tallest for it.
  const narrow = step < 50;
  const PAD_TOP = narrow ? 64 : 24;
  const plot = height - PAD_TOP - PAD_BOTTOM;
  const y = (v: number) => PAD_TOP + plot - (v / max) * plot;
  const labelEvery = Math.ceil(data.length / Math.max(2, Math.floor(W / 56)));
  const hasPrevious = data.some((d) => d.previous !== undefined);
  const line = data.map((d, i) => `${i === 0 ? "M" : "L"}${(i + 0.5) * step},${y(d.previous ?? 0)}`).join(" ");
  const summary = data.map((d) => `${d.label} : ${format(d.value)}${d.previous !== undefined && previousLabel ? ` (${previousLabel} ${format(d.previous)})` : ""}`).join(" ; ");
  return (
    <figure className="chart" ref={ref}>
      <figcaption className="chart-title">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`${title}. ${summary}`} className="chart-svg">
        <line x1={0} x2={W} y1={PAD_TOP + plot} y2={PAD_TOP + plot} className="chart-axis" />
        {data.map((d, i) => {
          const x = (i + 0.5) * step;
          const top = y(d.value);
          return (
            <g key={d.key} data-bar={d.key}>
              <rect x={x - bar / 2} y={top} width={bar} height={Math.max(0, PAD_TOP + plot - top)} rx={3} className="chart-bar"><title>{`${d.label} : ${format(d.value)}`}</title></rect>
              {d.value > 0 && (narrow ? (
                <text className="chart-value" transform={`translate(${x + 3.5},${top - 4}) rotate(-90)`} textAnchor="start">{format(d.value)}</text>
              ) : (
                <text className="chart-value" x={x} y={top - 6} textAnchor="middle">{format(d.value)}</text>
              ))}
              {i % labelEvery === 0 && <text className="chart-label" x={x} y={height - 8} textAnchor="middle">{d.label}</text>}
            </g>
          );
        })}
        {hasPrevious && <path d={line} className="chart-line" />}
      </svg>
      {hasPrevious && previousLabel && (
        <div className="chart-legend" aria-hidden="true">
          <span><i className="key bar" />{currentLabel ?? title}</span>
          <span><i className="key line" />{previousLabel}</span>
        </div>
      )}
    </figure>
  );
}

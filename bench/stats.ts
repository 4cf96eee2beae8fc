/** Percentile of a sample of durations (ms), nearest-rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function timeEach(count: number, run: (i: number) => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    run(i);
    out.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return out;
}

export const fmt = (n: number) => (n < 10 ? n.toFixed(3) : n.toFixed(1));

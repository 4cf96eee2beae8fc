/**
 * Hybrid logical clock (wall ms, counter, node id). Encoded as a fixed-width string so that
 * string order is causal order: per-field last-writer-wins compares encoded stamps directly.
 */
export interface Hlc {
  wallMs: number;
  counter: number;
  node: string;
}

/** A remote stamp further ahead of our wall clock than this is refused (a device with a wrong clock). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export class ClockSkewError extends Error {
  constructor(readonly skewMs: number) {
    super(`Clock skew of ${Math.round(skewMs / 1000)} s exceeds the allowed ${MAX_CLOCK_SKEW_MS / 1000} s`);
    this.name = "ClockSkewError";
  }
}

export function encodeHlc(h: Hlc): string {
  return `${h.wallMs.toString().padStart(15, "0")}:${h.counter.toString(36).padStart(5, "0")}:${h.node}`;
}

const HLC_RE = /^(\d{15}):([0-9a-z]{5,}):([^:]+)$/;

export function decodeHlc(s: string): Hlc {
  const m = HLC_RE.exec(s);
  if (!m) throw new Error(`Malformed HLC stamp: ${s}`);
  return { wallMs: Number(m[1]), counter: parseInt(m[2]!, 36), node: m[3]! };
}

/** Next stamp for a local event. */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  if (nowMs > last.wallMs) return { wallMs: nowMs, counter: 0, node: last.node };
  return { wallMs: last.wallMs, counter: last.counter + 1, node: last.node };
}

/** Merge a stamp received from another node, refusing one too far in the future. */
export function receiveHlc(local: Hlc, remote: Hlc, nowMs: number): Hlc {
  if (remote.wallMs - nowMs > MAX_CLOCK_SKEW_MS) throw new ClockSkewError(remote.wallMs - nowMs);
  const wallMs = Math.max(local.wallMs, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === local.wallMs && wallMs === remote.wallMs) counter = Math.max(local.counter, remote.counter) + 1;
  else if (wallMs === local.wallMs) counter = local.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  return { wallMs, counter, node: local.node };
}

/** Where the main window opens: last size, position and maximized state, kept on a visible display. */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  /** Absent: let the system place the window (centered). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };
export const MIN_WINDOW_SIZE = { width: 900, height: 600 };

const isFiniteNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Reads what window-state.json held; anything malformed counts as "no saved state". */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isFiniteNumber(r.width) || !isFiniteNumber(r.height) || r.width <= 0 || r.height <= 0) return null;
  const state: WindowState = { width: Math.round(r.width), height: Math.round(r.height), maximized: r.maximized === true };
  if (isFiniteNumber(r.x) && isFiniteNumber(r.y)) {
    state.x = Math.round(r.x);
    state.y = Math.round(r.y);
  }
  return state;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

const clamp = (v: number, min: number, max: number) => Math.min(Math.max(v, min), Math.max(min, max));

/**
 * Fits a saved state to the displays there are now (their work areas, primary first): a window
 * last seen on a monitor that is gone is re-centered on the primary one; one hanging over an edge
 * is moved in; one larger than its display shrinks to it.
 */
export function fitToDisplays(saved: WindowState | null, workAreas: readonly Rect[]): WindowState {
  const state = saved ?? { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const primary = workAreas[0];
  if (!primary) return { width: state.width, height: state.height, maximized: state.maximized };

  let area: Rect | undefined;
  if (state.x !== undefined && state.y !== undefined) {
    const rect = { x: state.x, y: state.y, width: state.width, height: state.height };
    let best = 0;
    for (const candidate of workAreas) {
      const overlap = overlapArea(rect, candidate);
      if (overlap > best) [best, area] = [overlap, candidate];
    }
  }
  const target = area ?? primary;
  const width = clamp(state.width, Math.min(MIN_WINDOW_SIZE.width, target.width), target.width);
  const height = clamp(state.height, Math.min(MIN_WINDOW_SIZE.height, target.height), target.height);
  if (!area) return { width, height, maximized: state.maximized };
  return {
    x: clamp(state.x!, target.x, target.x + target.width - width),
    y: clamp(state.y!, target.y, target.y + target.height - height),
    width,
    height,
    maximized: state.maximized,
  };
}

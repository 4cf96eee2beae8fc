/** First retry after a failed sync, and the ceiling: a studio offline for hours retries every few minutes. */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/**
 * Delay before retry number `attempt` (1 = first retry): exponential, capped, with "full jitter"
 * (a uniform draw in [half, whole] of the step) so that the desks of a studio whose internet comes
 * back do not all hit the server in the same second. `random` is injected (Math.random in the app)
 * so the table test is exact.
 */
export function nextDelay(attempt: number, random: () => number): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
  return Math.round(step / 2 + (step / 2) * Math.min(1, Math.max(0, random())));
}

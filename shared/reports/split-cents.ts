/**
 * `cents` shared out evenly over `parts` parts, in integer cents that add up exactly: the first
 * `cents % parts` parts get one cent more (a booking of two rooms splits its 100.01 € as 50.01 + 50.00).
 */
export function splitCents(cents: number, parts: number): number[] {
  if (parts <= 0) return [];
  const base = Math.trunc(cents / parts);
  const rest = cents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < Math.abs(rest) ? Math.sign(rest) : 0));
}

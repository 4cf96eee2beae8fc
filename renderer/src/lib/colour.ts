/** White or near-black text, whichever reads better on a room's colour (people pick yellow too). */
export function readableTextOn(hex: string): string {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex);
  if (!m) return "#fff";
  const n = parseInt(m[1]!, 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
  // Contrast with white is (1.05)/(L+0.05); with #1c1917 about (L+0.05)/0.06: pick the larger.
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.06 ? "#fff" : "#1c1917";
}

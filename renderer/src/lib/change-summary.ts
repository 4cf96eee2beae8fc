/** At most this many changed fields are listed; the rest is counted. */
const SHOWN_FIELDS = 4;

function valueText(value: unknown): string {
  const text = typeof value === "string" ? value : String(JSON.stringify(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** "name: Studio B · email: b@x.fr (+2)": what the refused change would have written. */
export function changesText(changes: Record<string, unknown>): string {
  const entries = Object.entries(changes);
  const shown = entries.slice(0, SHOWN_FIELDS).map(([k, v]) => `${k}: ${valueText(v)}`).join(" · ");
  return entries.length > SHOWN_FIELDS ? `${shown} (+${entries.length - SHOWN_FIELDS})` : shown;
}

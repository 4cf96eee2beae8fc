/**
 * Document numbers: prefix, year of issue, and a sequence per studio, year and kind, four digits at
 * least (F-2026-0001). The sequence is decided by the sync server (a counter row locked in the
 * pushing transaction: server migration 008), so numbers are continuous across desks; offline, an
 * issued document shows a provisional label until the server's number comes back with pull.
 */
export const NUMBERED_KINDS = ["invoice", "credit_note", "quote", "contract"] as const;
export type NumberedKind = (typeof NUMBERED_KINDS)[number];

export const NUMBER_PREFIX: Record<NumberedKind, string> = { invoice: "F", credit_note: "AV", quote: "D", contract: "C" };

export function formatDocumentNumber(kind: NumberedKind, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  return `${NUMBER_PREFIX[kind]}-${year}-${String(sequence).padStart(4, "0")}`;
}

export function parseDocumentNumber(text: string): { kind: NumberedKind; year: number; sequence: number } | null {
  const m = /^(F|AV|D|C)-(\d{4})-(\d{4,})$/.exec(text);
  if (!m) return null;
  const kind = NUMBERED_KINDS.find((k) => NUMBER_PREFIX[k] === m[1])!;
  return { kind, year: Number(m[2]), sequence: Number(m[3]) };
}

/** "PROV-<first 8 characters of the device id>-<n>": unique per device, never mistaken for a final number. */
export function provisionalLabel(deviceId: string, n: number): string {
  return `PROV-${deviceId.replace(/[^0-9a-zA-Z]/g, "").slice(0, 8)}-${n}`;
}

/** What a document shows as its number: the final one once the server has given it. */
export function displayNumber(doc: { number: string | null; provisionalNumber: string | null }): string | null {
  return doc.number ?? doc.provisionalNumber;
}

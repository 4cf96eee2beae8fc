import { isMessageKey, type MessageKey, type Translate } from "../i18n";

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** A stored value as a person reads it: text as is, null as nothing, anything else as compact JSON. */
export function valueText(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

/** "hourlyRateCents" → "hourly rate cents", "room_ids" → "room ids": the column, in words. */
export function fieldLabel(field: string): string {
  return field.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

/** The fields whose value differs between before and after, in the after's order (a creation lists all). */
export function fieldChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  return keys
    .map((field) => ({ field, before: valueText(before?.[field]), after: valueText(after?.[field]) }))
    .filter((c) => c.before !== c.after);
}

/** A known action or entity code in words; a code from a newer server shows as it came. */
export function codeText(t: Translate, prefix: "audit.action" | "audit.entity", code: string | null): string {
  if (!code) return "";
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key as MessageKey) : code;
}

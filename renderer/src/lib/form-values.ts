import { basisPointsToInput, centsToInput, parseAmountToCents, parsePercentToBasisPoints } from "../../../shared/money";
import type { z } from "zod";
import { issuesToFieldErrors } from "../../../shared/app-error";
import type { FieldErrors } from "../../../shared/errors";

/**
 * Forms hold what the person typed (strings); these turn it into the core's input and collect
 * per-field errors for what cannot be read (an amount like "12,5,0").
 */
export class InputReader {
  readonly errors: FieldErrors = {};

  constructor(private readonly locale: string) {}

  text(value: string): string {
    return value;
  }

  cents(field: string, value: string, { optional = false } = {}): number | null {
    if (value.trim() === "") {
      if (!optional) (this.errors[field] ??= []).push("v.required");
      return null;
    }
    const cents = parseAmountToCents(value);
    if (cents === null) (this.errors[field] ??= []).push("v.amount");
    return cents;
  }

  percent(field: string, value: string, { optional = false } = {}): number | null {
    if (value.trim() === "") {
      if (!optional) (this.errors[field] ??= []).push("v.required");
      return null;
    }
    const bp = parsePercentToBasisPoints(value);
    if (bp === null) (this.errors[field] ??= []).push("v.percent");
    return bp;
  }

  integer(field: string, value: string): number | null {
    if (value.trim() === "") {
      (this.errors[field] ??= []).push("v.required");
      return null;
    }
    if (!/^-?\d+$/.test(value.trim())) {
      (this.errors[field] ??= []).push("v.wholeNumber");
      return null;
    }
    return Number(value.trim());
  }

  /** "1,5" or "2" hours → minutes; a session rule is set in hours but stored in minutes. */
  hoursAsMinutes(field: string, value: string): number | null {
    const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(value.trim());
    if (!m) {
      (this.errors[field] ??= []).push(value.trim() === "" ? "v.required" : "v.number");
      return null;
    }
    return Math.round(Number(`${m[1]}.${m[2] ?? "0"}`) * 60);
  }

  showMinutesAsHours(minutes: number | null | undefined): string {
    if (minutes === null || minutes === undefined) return "";
    const text = String(Math.round((minutes / 60) * 100) / 100);
    return this.locale.startsWith("fr") ? text.replace(".", ",") : text;
  }

  showCents(cents: number | null | undefined): string {
    return cents === null || cents === undefined ? "" : centsToInput(cents, this.locale);
  }

  showPercent(bp: number | null | undefined): string {
    return bp === null || bp === undefined ? "" : basisPointsToInput(bp, this.locale);
  }
}

/** Each field's messages from every source, each message once. */
export function mergeFieldErrors(...all: (FieldErrors | null | undefined)[]): FieldErrors {
  const out: FieldErrors = {};
  for (const errors of all) {
    for (const [k, v] of Object.entries(errors ?? {})) {
      const messages = (out[k] ??= []);
      for (const m of v) if (!messages.includes(m)) messages.push(m);
    }
  }
  return out;
}

/**
 * The reader's message on a field it could not read ("invalid amount") is the precise one: the
 * schema's messages on that field, about the null it was given ("required"), are left out.
 */
export function readerThenSchemaErrors(reader: FieldErrors, schema: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...reader };
  for (const [k, v] of Object.entries(schema)) if (!reader[k]?.length) out[k] = v;
  return out;
}

/** A schema's complaints about what a form would send, as field errors (message keys the UI translates). */
export function schemaFieldErrors(schema: z.ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  return result.success ? {} : issuesToFieldErrors(result.error.issues);
}

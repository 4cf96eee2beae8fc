import { TRPCClientError } from "@trpc/client";
import { useT } from "../i18n";
import type { BookingFailure, OccurrenceCheck } from "./booking-types";
import { useFailureText } from "./booking-failures";
import { appCodeOf } from "./trpc";

/** What a refused booking write names: each failing rule, warnings, and for a series each failing date. */
export interface Refusal {
  failures: BookingFailure[];
  warnings: BookingFailure[];
  occurrences: OccurrenceCheck[];
}

export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: Partial<Refusal> | null } | undefined)?.details;
  if (!details || !Array.isArray(details.failures)) return null;
  return { failures: details.failures, warnings: details.warnings ?? [], occurrences: details.occurrences ?? [] };
}

/** A booking action's failure in words: the rules that refused it, else the error code's message. */
export function useBookingErrorText(currency: string): (error: unknown) => string {
  const t = useT();
  const failureText = useFailureText(currency);
  return (error) => {
    const refusal = refusalOf(error);
    if (refusal && refusal.failures.length > 0) return refusal.failures.map(failureText).join(" · ");
    return t(`error.${appCodeOf(error)}`);
  };
}

/**
 * Error codes the core and server attach to every refusal. The UI translates the code;
 * the message is for logs and developers.
 */
export const APP_ERROR_CODES = [
  "VALIDATION_FAILED",
  "NOT_FOUND",
  "ALREADY_INITIALIZED",
  "NOT_INITIALIZED",
  "DUPLICATE_NAME",
  "LOCATION_ARCHIVED",
  "IN_USE",
  "CLOCK_SKEW",
  "INTERNAL",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === "string" && (APP_ERROR_CODES as readonly string[]).includes(value);
}

/** Field path ("openingHours.mon.0.close") → list of message keys, as the error formatter sends it. */
export type FieldErrors = Record<string, string[]>;

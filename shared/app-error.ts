import { isAppErrorCode, type AppErrorCode, type FieldErrors } from "./errors";

/**
 * A refusal the person can act on, raised by the desktop core and the sync server alike: a code the
 * UI translates, field errors for forms, and details for refusals that name what is in the way (a
 * booking's failing rules, a retry-after, the studios to choose from).
 */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** Zod-style issues (also Standard Schema issues) → { "a.b": ["v.required"] }. */
export function issuesToFieldErrors(
  issues: ReadonlyArray<{ path?: ReadonlyArray<PropertyKey | { key: PropertyKey }>; message: string }>,
): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = (issue.path ?? []).map((p) => String(typeof p === "object" && p !== null ? p.key : p)).join(".") || "_";
    const message = issue.message.startsWith("v.") ? issue.message : "v.invalid";
    (out[key] ??= []).push(message);
  }
  return out;
}

/** The refusal code of an AppError, or of a tRPC error whose data carries `appCode` (client side). */
export function errorCodeOf(e: unknown): AppErrorCode | undefined {
  if (e instanceof AppError) return e.code;
  const code = (e as { data?: { appCode?: unknown } } | null)?.data?.appCode;
  return isAppErrorCode(code) ? code : undefined;
}

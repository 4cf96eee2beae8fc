import type { AppErrorCode, FieldErrors } from "../../shared/errors";

/**
 * A refusal the user can act on. Carries a code the UI translates, field errors for forms, and
 * details for refusals that name what is in the way (a booking's failing rules).
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

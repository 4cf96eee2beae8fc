import type { z } from "zod";
import { AppError, issuesToFieldErrors } from "../errors";

/** Validates a service input again in the core (the router already did): a refusal with field errors. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", `Invalid ${what}`, issuesToFieldErrors(parsed.error.issues));
  return parsed.data;
}

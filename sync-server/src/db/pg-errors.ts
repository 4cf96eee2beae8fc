/** SQLSTATE codes the server turns into refusals a person can act on. */
export const SQLSTATE = {
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  exclusionViolation: "23P01",
  invalidPassword: "28P01",
  insufficientPrivilege: "42501",
  undefinedTable: "42P01",
} as const;

export interface PgError extends Error {
  code: string;
  constraint?: string;
}

export function isPgError(err: unknown, code?: string): err is PgError {
  return err instanceof Error && typeof (err as Partial<PgError>).code === "string" && (code === undefined || (err as PgError).code === code);
}

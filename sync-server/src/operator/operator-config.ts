/** The operator API's one secret; null: the API is off (OPERATOR_DISABLED), as on a studio's own server. */
export interface OperatorConfig {
  token: string | null;
}

/** Long enough that guessing is hopeless: the token is the operator API's only lock. */
export const MIN_OPERATOR_TOKEN_LENGTH = 32;

export function readOperatorConfig(env: Readonly<Record<string, string | undefined>>): OperatorConfig {
  const token = env.OPERATOR_TOKEN?.trim() || null;
  if (token !== null && token.length < MIN_OPERATOR_TOKEN_LENGTH) {
    throw new Error(`OPERATOR_TOKEN must be at least ${MIN_OPERATOR_TOKEN_LENGTH} characters (for example: openssl rand -base64 32), got ${token.length}`);
  }
  return { token };
}

import type { AccountsDeps } from "../accounts/accounts-deps";

/** The key two-factor secrets are sealed with, derived from the token secret (no second secret to keep). */
export const totpKey = (deps: AccountsDeps): Buffer => deps.tokens.deriveKey("totp secrets v1");

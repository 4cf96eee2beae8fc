import type { AccountsDeps } from "../accounts/accounts-deps";
import { ServerError } from "../errors";
import { totpKey } from "./totp-key";
import { consumeBackupCode, consumeTotpCode, readTotp } from "./totp-store";

/**
 * The second step of a login for a person with two-factor on: a current authenticator code or an
 * unused backup code. Without either: TOTP_REQUIRED (the app asks for it, no session is made).
 * Returns how it was passed, for the audit log; "none" for a person without two-factor.
 */
export async function checkSecondFactor(
  deps: AccountsDeps,
  userId: string,
  given: { totpCode?: string | undefined; backupCode?: string | undefined },
  onFailure: () => Promise<void>,
): Promise<"none" | "totp" | "backup_code"> {
  const { primary } = deps.databases;
  if (!(await readTotp(primary, userId)).enabled) return "none";
  if (!given.totpCode && !given.backupCode) throw new ServerError("TOTP_REQUIRED", "Enter the code from your authenticator app, or a backup code");
  const nowMs = deps.now();
  const ok = given.totpCode ? await consumeTotpCode(primary, totpKey(deps), userId, given.totpCode, nowMs) : await consumeBackupCode(primary, userId, given.backupCode!, nowMs);
  if (ok) return given.totpCode ? "totp" : "backup_code";
  // Counted with failed passwords: six digits must not be guessable at network speed.
  await onFailure();
  throw new ServerError("TOTP_INVALID", "This code is wrong or was already used");
}

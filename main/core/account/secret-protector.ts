/**
 * Protects the secrets the desk keeps in its SQLite file (the refresh token) with what the host
 * offers: the Electron host passes one backed by the operating system's keychain (safeStorage);
 * the core never imports Electron. Browser mode and tests have no keychain: `PLAIN_SECRETS`
 * stores the secret as it is, as before (the file's own permissions are then its only guard).
 */
export interface SecretProtector {
  /** Written before a protected value ("safe-storage:…"), so each value is read back by what wrote it; null stores the secret as is. */
  readonly scheme: string | null;
  protect(secret: string): string;
  /** Throws when the value cannot be read here (another user's keychain, a key that changed). */
  reveal(protectedText: string): string;
}

export const PLAIN_SECRETS: SecretProtector = { scheme: null, protect: (s) => s, reveal: (s) => s };

/** A scheme prefix: letters, digits and dashes, then a colon (a refresh token has no colon). */
const SCHEME = /^([a-z][a-z0-9-]*):/;

/** The text stored for `secret`. */
export function sealSecret(protector: SecretProtector, secret: string): string {
  return protector.scheme === null ? secret : `${protector.scheme}:${protector.protect(secret)}`;
}

export type OpenedSecret =
  /** `reseal`: stored by another scheme than this protector's (a plain token from before): store it again. */
  | { ok: true; secret: string; reseal: boolean }
  | { ok: false; reason: string };

/** Reads a stored value: plain text (written before protection, or by the fallback), or this protector's scheme. */
export function openSecret(protector: SecretProtector, stored: string): OpenedSecret {
  const scheme = SCHEME.exec(stored)?.[1] ?? null;
  if (scheme === null) return { ok: true, secret: stored, reseal: protector.scheme !== null };
  if (scheme !== protector.scheme) return { ok: false, reason: `The saved session was protected by "${scheme}", which this app cannot read here` };
  try {
    return { ok: true, secret: protector.reveal(stored.slice(scheme.length + 1)), reseal: false };
  } catch (e) {
    return { ok: false, reason: `The saved session could not be decrypted: ${e instanceof Error ? e.message : String(e)}` };
  }
}

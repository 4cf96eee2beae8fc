/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to read and type into a phone. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, "").match(/.{1,4}/g)?.join(" ") ?? "";
}

/**
 * What the log-in form sends for the second factor: six digits are the authenticator's code,
 * anything else a backup code (spaces dropped, as people copy them in groups).
 */
export function secondFactor(text: string): { totpCode: string } | { backupCode: string } | null {
  const typed = text.trim();
  if (!typed) return null;
  const digits = typed.replace(/\s+/g, "");
  return /^\d{6}$/.test(digits) ? { totpCode: digits } : { backupCode: typed };
}

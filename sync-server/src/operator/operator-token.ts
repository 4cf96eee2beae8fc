import crypto from "node:crypto";

/**
 * Whether `presented` is the operator token, in time that does not depend on where they differ
 * nor on their lengths: both are hashed to 32 bytes first, then compared with timingSafeEqual.
 */
export function isOperatorToken(configured: string, presented: string): boolean {
  const digest = (s: string) => crypto.createHash("sha256").update(s, "utf8").digest();
  return crypto.timingSafeEqual(digest(configured), digest(presented));
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(authorization: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/.exec(authorization ?? "");
  return match ? match[1]! : null;
}

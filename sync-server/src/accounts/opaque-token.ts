import crypto from "node:crypto";

/** 256 random bits, URL-safe: for refresh and password-reset tokens. */
export function randomSecret(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What the database keeps of a secret token: its SHA-256 (the secret has full entropy, so no salt is needed). */
export function sha256(secret: string): Buffer {
  return crypto.createHash("sha256").update(secret, "utf8").digest();
}

export function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

import crypto from "node:crypto";

/**
 * AES-256-GCM for secrets kept at rest (two-factor seeds): a database dump alone gives no code.
 * Stored as iv (12 bytes) | tag (16 bytes) | ciphertext.
 */
export function sealSecret(key: Buffer, plain: string): Buffer {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws when the box was altered or sealed with another key (the token secret changed). */
export function openSecret(key: Buffer, sealed: Buffer): string {
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString("utf8");
}

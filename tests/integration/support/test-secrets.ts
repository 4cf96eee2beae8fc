import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { SecretProtector } from "../../../main/core/account/secret-protector";

/**
 * A real cipher standing in for the OS keychain (Electron's safeStorage needs a running Electron):
 * AES-256-GCM under a key held in memory, as safeStorage holds its key outside the file.
 */
export function aesSecrets(key: Buffer = randomBytes(32)): SecretProtector {
  return {
    scheme: "test-aes",
    protect(secret) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    reveal(text) {
      const raw = Buffer.from(text, "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

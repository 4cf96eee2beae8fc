import crypto from "node:crypto";
import { base32Encode } from "../accounts/totp";

export const BACKUP_CODE_COUNT = 10;

/** "ABCDE-FGHIJ": 50 random bits each, typed once when the phone is lost. */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const text = base32Encode(crypto.randomBytes(7)).slice(0, 10);
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

/** As typed or as shown: case, spaces and the dash do not matter. */
export function backupCodeHash(code: string): Buffer {
  return crypto.createHash("sha256").update(code.replace(/[\s-]/g, "").toUpperCase(), "utf8").digest();
}

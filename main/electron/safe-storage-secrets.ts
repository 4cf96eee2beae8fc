import { safeStorage } from "electron";
import type { SecretProtector } from "../core/account/secret-protector";

/**
 * The refresh token sealed by the operating system's keychain (Keychain on macOS, DPAPI on Windows,
 * the Secret Service or KWallet on Linux) through Electron's safeStorage. Only after `ready`.
 * Null when it is unavailable: the core then stores the token as browser mode does. On Linux
 * without a keyring, Chromium's "basic_text" backend encrypts with a fixed key, which hides the
 * token from a casual look at the file but not from someone who knows it: said in the log.
 */
export function safeStorageSecrets(log: (message: string) => void = console.warn): SecretProtector | null {
  if (!safeStorage.isEncryptionAvailable()) {
    log("safeStorage is not available: the studio account's refresh token is stored unencrypted in the database");
    return null;
  }
  if (process.platform === "linux" && safeStorage.getSelectedStorageBackend() === "basic_text") {
    log("No keyring found (safeStorage basic_text): the refresh token is only obfuscated in the database");
  }
  return {
    scheme: "safe-storage",
    protect: (secret) => safeStorage.encryptString(secret).toString("base64"),
    reveal: (text) => safeStorage.decryptString(Buffer.from(text, "base64")),
  };
}

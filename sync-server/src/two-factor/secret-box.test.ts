import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("secret box", () => {
  const key = crypto.randomBytes(32);

  it("opens what it sealed, with a fresh nonce each time", () => {
    const a = sealSecret(key, "JBSWY3DPEHPK3PXP");
    const b = sealSecret(key, "JBSWY3DPEHPK3PXP");
    expect(a.equals(b)).toBe(false);
    expect(a.toString("latin1")).not.toContain("JBSWY3DPEHPK3PXP");
    expect(openSecret(key, a)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses an altered box and another key", () => {
    const sealed = sealSecret(key, "JBSWY3DPEHPK3PXP");
    const altered = Buffer.from(sealed);
    altered[altered.length - 1]! ^= 1;
    expect(() => openSecret(key, altered)).toThrow();
    expect(() => openSecret(crypto.randomBytes(32), sealed)).toThrow();
  });
});

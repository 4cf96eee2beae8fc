import { describe, expect, it } from "vitest";
import { DEFAULT_SCRYPT, dummyHash, hashPassword, verifyPassword } from "./password-hash";

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };

describe("password hashing (scrypt)", () => {
  it("verifies the password it hashed, and nothing else", async () => {
    const stored = await hashPassword("correct horse battery", CHEAP);
    expect(stored).toMatch(/^scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifyPassword("correct horse battery", stored)).toBe(true);
    expect(await verifyPassword("correct horse batterY", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password", CHEAP)).not.toBe(await hashPassword("same password", CHEAP));
  });

  it("treats composed and decomposed accents as the same password", async () => {
    const stored = await hashPassword("mot de passe été", CHEAP);
    expect(await verifyPassword("mot de passe e\u0301te\u0301", stored)).toBe(true);
  });

  it("never matches a malformed stored hash", async () => {
    for (const stored of ["", "plain", "scrypt$N=1024,r=8,p=1$abc", "bcrypt$2b$10$abc"]) expect(await verifyPassword("x", stored)).toBe(false);
  });

  it("uses OWASP's scrypt cost by default, read back from the stored hash", async () => {
    expect(DEFAULT_SCRYPT).toEqual({ N: 32768, r: 8, p: 3 });
    const stored = await hashPassword("default cost password");
    expect(stored.startsWith("scrypt$N=32768,r=8,p=3$")).toBe(true);
    expect(await verifyPassword("default cost password", stored)).toBe(true);
  });

  it("keeps one dummy hash per cost, for unknown emails", async () => {
    expect(await dummyHash(CHEAP)).toBe(await dummyHash(CHEAP));
    expect(await verifyPassword("anything", await dummyHash(CHEAP))).toBe(false);
  });
});

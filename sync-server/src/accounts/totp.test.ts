import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, otpauthUri, totp } from "./totp";

/** RFC 4226 appendix D and RFC 6238 appendix B (SHA-1), secret "12345678901234567890". */
const RFC_SECRET = Buffer.from("12345678901234567890");
const RFC_BASE32 = base32Encode(RFC_SECRET);

describe("totp", () => {
  it.each([
    [0, "755224"], [1, "287082"], [2, "359152"], [3, "969429"], [4, "338314"],
    [5, "254676"], [6, "287922"], [7, "162583"], [8, "399871"], [9, "520489"],
  ])("HOTP counter %i → %s (RFC 4226)", (counter, code) => {
    expect(hotp(RFC_SECRET, counter)).toBe(code);
  });

  it.each([
    [59, "94287082"], [1111111109, "07081804"], [1111111111, "14050471"],
    [1234567890, "89005924"], [2000000000, "69279037"], [20000000000, "65353130"],
  ])("TOTP at %i s → %s (RFC 6238, 8 digits)", (seconds, code) => {
    expect(totp(RFC_BASE32, seconds * 1000, 8)).toBe(code);
  });

  it("round-trips base32 and refuses what is not base32", () => {
    expect(RFC_BASE32).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode(RFC_BASE32.toLowerCase())).toEqual(RFC_SECRET);
    expect(() => base32Decode("GEZ1")).toThrow(/base32/);
  });

  it("accepts the code of this step and its neighbours, once, and nothing else", () => {
    const now = 1_764_000_000_000; // a fixed clock
    const code = totp(RFC_BASE32, now);
    const step = matchTotp(RFC_BASE32, code, now, null);
    expect(step).toBe(Math.floor(now / 30_000));
    expect(matchTotp(RFC_BASE32, code, now + 30_000, null)).toBe(step); // typed as the step turned
    expect(matchTotp(RFC_BASE32, code, now + 90_000, null)).toBeNull(); // too late
    expect(matchTotp(RFC_BASE32, code, now, step)).toBeNull(); // already used
    expect(matchTotp(RFC_BASE32, "12345", now, null)).toBeNull();
    expect(matchTotp(RFC_BASE32, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
  });

  it("builds the otpauth URI authenticator apps scan", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "owner@studio.fr", "Studio Lumière")).toBe(
      "otpauth://totp/Studio%20Lumi%C3%A8re%3Aowner%40studio.fr?secret=JBSWY3DPEHPK3PXP&issuer=Studio+Lumi%C3%A8re&algorithm=SHA1&digits=6&period=30",
    );
  });
});

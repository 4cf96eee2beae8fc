import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../../shared/ids";
import { randomSecret, sameBytes, sha256 } from "./opaque-token";
import { formatRefreshToken, parseRefreshToken } from "./refresh-token";

describe("refresh token format", () => {
  it("round-trips tenant, token id and secret", () => {
    const parts = { tenantId: uuidv7(), tokenId: uuidv7(), secret: randomSecret() };
    expect(parseRefreshToken(formatRefreshToken(parts))).toEqual(parts);
  });

  it("refuses anything else", () => {
    const t = uuidv7();
    for (const bad of ["", "a.b.c", `${t}.${t}`, `${t}.${t}.short`, `${t}.${t}.${randomSecret()}.extra`, `nope.${t}.${randomSecret()}`]) {
      expect(parseRefreshToken(bad), bad).toBeNull();
    }
  });

  it("keeps only a hash of the secret, compared in constant time", () => {
    const secret = randomSecret();
    expect(sha256(secret)).toHaveLength(32);
    expect(sameBytes(sha256(secret), sha256(secret))).toBe(true);
    expect(sameBytes(sha256(secret), sha256(randomSecret()))).toBe(false);
    expect(sameBytes(sha256(secret), Buffer.alloc(3))).toBe(false);
  });
});

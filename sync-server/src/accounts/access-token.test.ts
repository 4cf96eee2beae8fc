import { describe, expect, it } from "vitest";
import { uuidv7 } from "../../../shared/ids";
import { ServerError } from "../errors";
import { AccessTokens } from "./access-token";

const SECRET = "a-secret-of-at-least-thirty-two-chars!!";
const subject = { sub: uuidv7(), tid: uuidv7(), did: uuidv7(), role: "owner" as const };
const NOW = Date.UTC(2030, 0, 1);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(ServerError);
    return (err as ServerError).code;
  }
}

describe("access tokens", () => {
  const tokens = new AccessTokens(SECRET, 900);

  it("round-trips its claims until they expire", () => {
    const { token, expiresAt } = tokens.issue(subject, NOW);
    expect(expiresAt).toBe(NOW + 900_000);
    expect(token.split(".")).toHaveLength(3);
    expect(tokens.verify(token, NOW + 899_000)).toEqual({ ...subject, iat: NOW / 1000, exp: NOW / 1000 + 900 });
    expect(codeOf(() => tokens.verify(token, NOW + 900_000))).toBe("TOKEN_EXPIRED");
  });

  it("refuses tokens signed with another secret, altered, or claiming another algorithm", () => {
    const { token } = tokens.issue(subject, NOW);
    const [header, payload, signature] = token.split(".");
    const other = new AccessTokens(`${SECRET}-other`, 900).issue(subject, NOW).token;
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...subject, role: "staff", iat: 0, exp: 9e9 })).toString("base64url")}.${signature}`;
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString("base64url")}.${payload}.`;
    for (const bad of [other, altered, none, `${header}.${payload}`, "", "a.b.c", `${header}.bm90IGpzb24.${signature}`]) {
      expect(codeOf(() => tokens.verify(bad, NOW)), bad).toBe("UNAUTHENTICATED");
    }
  });

  it("refuses a secret too short to sign with", () => {
    expect(() => new AccessTokens("short", 900)).toThrow("at least 32 characters");
  });
});

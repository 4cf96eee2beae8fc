import crypto from "node:crypto";
import { z } from "zod";
import { MEMBERSHIP_ROLES } from "../../../shared/schemas/account";
import { ServerError } from "../errors";

/** What an access token says: who, in which studio, from which device, as what role, until when. */
const claimsSchema = z.object({
  sub: z.uuid(),
  tid: z.uuid(),
  did: z.uuid(),
  role: z.enum(MEMBERSHIP_ROLES),
  /** Two-factor setup only: the studio requires it of owners and this one has none yet. */
  tsu: z.literal(true).optional(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.infer<typeof claimsSchema>;

// One fixed header: tokens claiming any other algorithm are refused before their signature is read.
const HEADER = Buffer.from(JSON.stringify({ alg: "HS256", typ: "JWT" })).toString("base64url");

export const MIN_TOKEN_SECRET_LENGTH = 32;

/**
 * Short-lived access tokens: JWTs (HS256) signed with the server's secret. Stateless to check; a
 * revoked device is still refused at once because every request also checks the device row.
 */
export class AccessTokens {
  constructor(
    private readonly secret: string,
    readonly ttlSeconds: number,
  ) {
    if (secret.length < MIN_TOKEN_SECRET_LENGTH) throw new Error(`The token secret must be at least ${MIN_TOKEN_SECRET_LENGTH} characters`);
  }

  private sign(data: string): Buffer {
    return crypto.createHmac("sha256", this.secret).update(data).digest();
  }

  /**
   * A key for another purpose (encrypting two-factor secrets at rest), derived from the token
   * secret with HKDF so the two never share key material and no second secret has to be kept.
   */
  deriveKey(purpose: string): Buffer {
    return Buffer.from(crypto.hkdfSync("sha256", this.secret, Buffer.alloc(0), `rsm ${purpose}`, 32));
  }

  issue(subject: Omit<AccessClaims, "iat" | "exp">, nowMs: number): { token: string; expiresAt: number } {
    const iat = Math.floor(nowMs / 1000);
    const claims: AccessClaims = { ...subject, iat, exp: iat + this.ttlSeconds };
    const body = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
    return { token: `${body}.${this.sign(body).toString("base64url")}`, expiresAt: claims.exp * 1000 };
  }

  /** The claims, or UNAUTHENTICATED (not ours, altered) / TOKEN_EXPIRED. */
  verify(token: string, nowMs: number): AccessClaims {
    const parts = token.split(".");
    const invalid = () => new ServerError("UNAUTHENTICATED", "Invalid access token: log in again");
    if (parts.length !== 3 || parts[0] !== HEADER) throw invalid();
    const given = Buffer.from(parts[2]!, "base64url");
    const expected = this.sign(`${parts[0]}.${parts[1]}`);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) throw invalid();
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8"));
    } catch {
      throw invalid();
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) throw invalid();
    if (claims.data.exp * 1000 <= nowMs) throw new ServerError("TOKEN_EXPIRED", "The access token has expired: refresh it or log in again");
    return claims.data;
  }
}

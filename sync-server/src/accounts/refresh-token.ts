import { isUuid } from "../../../shared/ids";

/**
 * A refresh token names its tenant (to find the database holding it) and its row, then carries
 * the secret: `<tenant id>.<token id>.<secret>`. Only the secret's hash is stored.
 */
export interface RefreshTokenParts {
  tenantId: string;
  tokenId: string;
  secret: string;
}

export function formatRefreshToken(parts: RefreshTokenParts): string {
  return `${parts.tenantId}.${parts.tokenId}.${parts.secret}`;
}

export function parseRefreshToken(token: string): RefreshTokenParts | null {
  const [tenantId, tokenId, secret, ...rest] = token.split(".");
  if (rest.length > 0 || !tenantId || !tokenId || !secret || !isUuid(tenantId) || !isUuid(tokenId) || !/^[A-Za-z0-9_-]{43}$/.test(secret)) return null;
  return { tenantId, tokenId, secret };
}

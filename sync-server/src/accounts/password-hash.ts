import crypto from "node:crypto";

export interface ScryptParams {
  /** CPU/memory cost (a power of two). */
  N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt setting for 32 MiB per hash (N=2^15, r=8, p=3): about a quarter second. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function scrypt(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes; Node's default cap (32 MiB) is exactly that, leaving no slack.
    crypto.scrypt(password.normalize("NFC"), salt, KEY_BYTES, { ...params, maxmem: 256 * params.N * params.r }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** `scrypt$N=…,r=…,p=…$salt$hash`: the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString("base64")}$${key.toString("base64")}`;
}

const STORED_RE = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

/** Constant-time comparison; a malformed stored hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = STORED_RE.exec(stored);
  if (!m) return false;
  const params = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const expected = Buffer.from(m[5]!, "base64");
  const key = await scrypt(password, Buffer.from(m[4]!, "base64"), params);
  return key.length === expected.length && crypto.timingSafeEqual(key, expected);
}

const dummies = new Map<string, Promise<string>>();

/**
 * A hash to verify against when the email is unknown, so that "no such account" takes as long as
 * "wrong password" and the answer's timing reveals nothing.
 */
export function dummyHash(params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const key = `${params.N},${params.r},${params.p}`;
  let hash = dummies.get(key);
  if (!hash) {
    hash = hashPassword(crypto.randomBytes(16).toString("hex"), params);
    dummies.set(key, hash);
  }
  return hash;
}

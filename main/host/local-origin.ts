/**
 * The host serves one person on this machine. Binding to loopback keeps other machines out; these
 * checks keep other web pages out: a page from anywhere may open a WebSocket to 127.0.0.1 (no CORS
 * for WebSockets), and DNS rebinding can point a foreign name at 127.0.0.1.
 */

const LOOPBACK_NAMES = ["127.0.0.1", "localhost", "[::1]"];

export function isLoopbackHostname(hostname: string): boolean {
  return hostname === "localhost" || hostname === "::1" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The Host header must name this machine's loopback at our port. */
export function isAllowedHost(hostHeader: string | undefined, port: number, boundHostname: string): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  const names = new Set([...LOOPBACK_NAMES, boundHostname.includes(":") ? `[${boundHostname}]` : boundHostname]);
  return [...names].some((name) => host === `${name}:${port}`);
}

/** A browser always sends Origin on a WebSocket upgrade; ours is the page we served. Non-browser clients send none. */
export function isAllowedOrigin(originHeader: string | undefined, hostHeader: string | undefined): boolean {
  if (originHeader === undefined) return true;
  if (!hostHeader) return false;
  return originHeader.toLowerCase() === `http://${hostHeader.toLowerCase()}`;
}

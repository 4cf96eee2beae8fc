/** The sync server's settings, read from the environment (`npm run server`). */
export interface ServerConfig {
  port: number;
  hostname: string;
}

export const DEFAULT_PORT = 3100;
export const DEFAULT_HOST = "0.0.0.0";

/** PORT (default 3100, 0 = any free port) and HOST (default 0.0.0.0); throws with a clear message. */
export function readServerConfig(env: Record<string, string | undefined>): ServerConfig {
  const rawPort = env.PORT?.trim();
  let port = DEFAULT_PORT;
  if (rawPort) {
    port = /^\d+$/.test(rawPort) ? Number(rawPort) : Number.NaN;
    if (!Number.isInteger(port) || port > 65_535) {
      throw new Error(`PORT must be a whole number from 0 to 65535, got "${env.PORT}"`);
    }
  }
  return { port, hostname: env.HOST?.trim() || DEFAULT_HOST };
}

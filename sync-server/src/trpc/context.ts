import type { AccountsDeps } from "../accounts/accounts-deps";

/** What the server runs on: absent for a server started without a database (health only). */
export interface SyncServices {
  accounts: AccountsDeps;
}

/** What every request can see. */
export interface SyncContext {
  /** The server's version (package.json), reported by health checks. */
  version: string;
  /** When this server process started listening, in ms since the epoch. */
  startedAt: number;
  services: SyncServices | null;
  /** The caller's address (the proxy's X-Forwarded-For entry when the server trusts its proxy). */
  clientIp: string;
  /** The Authorization header, read by authedProcedure. */
  authorization: string | undefined;
}

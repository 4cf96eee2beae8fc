import type { AccountsDeps } from "../accounts/accounts-deps";
import type { BillingDeps } from "../billing/billing-deps";
import type { OperatorConfig } from "../operator/operator-config";
import type { LiveHub } from "../sync/live-hub";

/** What the server runs on: absent for a server started without a database (health only). */
export interface SyncServices {
  accounts: AccountsDeps;
  /** Plans and billing; absent (tools, other features' tests): billing off on the default plan. */
  billing?: BillingDeps;
  /** The SaaS operator's API (OPERATOR_TOKEN); absent or no token: off. */
  operator?: OperatorConfig;
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
  /**
   * The Authorization header, read by authedProcedure; for a live stream from a browser's
   * EventSource, which cannot send headers, its `authorization` connection parameter.
   */
  authorization: string | undefined;
  /** Live streams' shared LISTEN connections and shutdown; null without a database. */
  live: LiveHub | null;
}

import pg from "pg";
import type { TenantDatabases } from "../db/tenant-databases";
import type { Logger } from "../log";

/**
 * What a live stream hears about its tenant: a committed version (migration 005's rsm_versions), a
 * device revoked (rsm_devices), or "resync" after the LISTEN connection was lost and regained
 * (notifications may have been missed: read the version again).
 */
export type TenantEvent = { type: "version"; version: number } | { type: "revoked"; deviceId: string } | { type: "resync" };
type Handler = (event: TenantEvent) => void;

const CHANNELS = { rsm_versions: "version", rsm_devices: "revoked" } as const;
const RETRY_MS = { first: 500, max: 15_000 };

/** One LISTEN connection to one database, and the handlers of the tenants whose data lives there. */
class DatabaseListener {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryMs = RETRY_MS.first;
  private retryTimer: NodeJS.Timeout | null = null;
  private closed = false;
  readonly tenants = new Map<string, Set<Handler>>();

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly log: Logger,
  ) {}

  /** Resolves once LISTEN is in place, so nothing committed after it is missed. */
  ready(): Promise<void> {
    if (this.client || this.closed) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on("notification", (msg) => this.dispatch(msg.channel, msg.payload));
    // A lost connection is replaced; until then streams still get their periodic re-check.
    client.on("error", (err) => this.lost(client, err.message));
    client.on("end", () => this.lost(client, "connection ended"));
    await client.connect();
    try {
      await client.query(Object.keys(CHANNELS).map((c) => `LISTEN ${c}`).join("; "));
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MS.first;
  }

  private lost(client: pg.Client, reason: string): void {
    if (this.client !== client || this.closed) return;
    this.client = null;
    this.log({ level: "warn", msg: "live notifications connection lost", database: this.config.database, error: reason });
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.ready().then(
        () => this.broadcast({ type: "resync" }),
        () => {
          this.retryMs = Math.min(this.retryMs * 2, RETRY_MS.max);
          this.scheduleReconnect();
        },
      );
    }, this.retryMs);
    this.retryTimer.unref();
  }

  private dispatch(channel: string, payload: string | undefined): void {
    const kind = CHANNELS[channel as keyof typeof CHANNELS];
    const [tenantId, value] = (payload ?? "").split(":");
    const handlers = tenantId ? this.tenants.get(tenantId) : undefined;
    if (!kind || !handlers || !value) return;
    const event: TenantEvent = kind === "version" ? { type: "version", version: Number(value) } : { type: "revoked", deviceId: value };
    for (const h of handlers) h(event);
  }

  private broadcast(event: TenantEvent): void {
    for (const handlers of this.tenants.values()) for (const h of handlers) h(event);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.connecting?.catch(() => {});
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}

/**
 * Postgres LISTEN, fanned out in process: one connection per database however many streams are
 * open, each notification handed to the streams of its tenant. NOTIFY is sent by the committing
 * transaction itself, so every server process behind a load balancer hears every push.
 */
export class VersionListener {
  private readonly listeners = new Map<string, DatabaseListener>();
  private closed = false;

  constructor(
    private readonly databases: TenantDatabases,
    private readonly log: Logger,
  ) {}

  /** Registers handler for the tenant's events; returns the unsubscribe function once listening. */
  async subscribe(tenantId: string, handler: Handler): Promise<() => void> {
    const database = await this.databases.databaseOf(tenantId);
    // A stream opened during shutdown must not open a connection nobody will close.
    if (this.closed) throw new Error("The server is shutting down");
    const key = database === null || database === this.databases.primaryDatabase ? "" : database;
    let listener = this.listeners.get(key);
    if (!listener) {
      listener = new DatabaseListener(this.databases.connectionConfig(key === "" ? null : key), this.log);
      this.listeners.set(key, listener);
    }
    await listener.ready();
    const handlers = listener.tenants.get(tenantId) ?? new Set<Handler>();
    listener.tenants.set(tenantId, handlers);
    handlers.add(handler);
    const { tenants } = listener;
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0 && tenants.get(tenantId) === handlers) tenants.delete(tenantId);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.listeners.values()];
    this.listeners.clear();
    await Promise.all(all.map((l) => l.close()));
  }
}

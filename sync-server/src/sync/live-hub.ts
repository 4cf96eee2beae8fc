import type { TenantDatabases } from "../db/tenant-databases";
import type { Logger } from "../log";
import { VersionListener } from "./version-listener";

export interface LiveOptions {
  /**
   * How often an open stream checks its device and token again even when nothing happens: a token
   * that expired ends the stream (the desktop refreshes and reconnects). Revocations end it at once.
   */
  recheckMs?: number;
}

/** The server process's live streams: their shared LISTEN connections, and ending them all at shutdown. */
export class LiveHub {
  readonly listener: VersionListener;
  readonly recheckMs: number;
  private readonly stops = new Set<() => void>();
  private closed = false;

  constructor(databases: TenantDatabases, log: Logger, options: LiveOptions = {}) {
    this.listener = new VersionListener(databases, log);
    this.recheckMs = options.recheckMs ?? 60_000;
  }

  /** Calls stop when the server shuts down (at once if it already has); returns the deregistration. */
  onClose(stop: () => void): () => void {
    if (this.closed) {
      stop();
      return () => {};
    }
    this.stops.add(stop);
    return () => this.stops.delete(stop);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const stop of this.stops) stop();
    this.stops.clear();
    await this.listener.close();
  }
}

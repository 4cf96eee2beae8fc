import type { TenantEvent } from "./version-listener";

/** What happened since a live stream last looked, folded together (a slow client gets the latest only). */
export interface LiveNews {
  /** The highest version notified, or -1. */
  version: number;
  /** Read the version from the database (on connect, and after a lost LISTEN connection). */
  resync: boolean;
  /** Check the device and token again (this device was revoked, or the re-check period passed). */
  recheck: boolean;
  /** The server is shutting down. */
  closing: boolean;
  /** The client went away. */
  aborted: boolean;
}

const nothing = (): LiveNews => ({ version: -1, resync: false, recheck: false, closing: false, aborted: false });

/** One stream's inbox: events are put from the listener, taken by the stream's generator. */
export class LiveMailbox {
  private news: LiveNews = { ...nothing(), resync: true };
  private wake: (() => void) | null = null;

  constructor(private readonly deviceId: string) {}

  put(event: TenantEvent): void {
    if (event.type === "version") this.news.version = Math.max(this.news.version, event.version);
    else if (event.type === "resync") this.news.resync = true;
    else if (event.deviceId === this.deviceId) this.news.recheck = true;
    else return;
    this.notify();
  }

  close(): void {
    this.news.closing = true;
    this.notify();
  }

  abort(): void {
    this.news.aborted = true;
    this.notify();
  }

  /** Waits for news, or `timeoutMs` (then asks for a re-check), and empties the inbox. */
  async take(timeoutMs: number): Promise<LiveNews> {
    if (!this.pending()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.news.recheck = true;
          this.notify();
        }, timeoutMs);
        timer.unref();
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    const news = this.news;
    this.news = nothing();
    return news;
  }

  private pending(): boolean {
    const n = this.news;
    return n.version >= 0 || n.resync || n.recheck || n.closing || n.aborted;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

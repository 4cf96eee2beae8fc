import { createWSClient, wsLink, type TRPCLink } from "@trpc/client";
import type { AppRouter } from "../../../main/core/router/app-router";
import { ipcLink } from "./ipc-link";

/** Exponential reconnect with jitter, capped: the host is local, so it is usually back within seconds. */
export function reconnectDelayMs(attempt: number): number {
  const ceiling = Math.min(10_000, 250 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

/** Electron: IPC through the preload. Browser mode: WebSocket to the host that served this page. */
export function createTransportLinks(): TRPCLink<AppRouter>[] {
  if (window.studioIpc) return [ipcLink(window.studioIpc)];
  const protocol = window.location.protocol === "https:" ? "wss" : "ws";
  const client = createWSClient({ url: `${protocol}://${window.location.host}/trpc`, retryDelayMs: reconnectDelayMs });
  return [wsLink<AppRouter>({ client })];
}

/**
 * What the renderer, Electron's preload and Electron's main process say to each other.
 * Pure types and channel names: the renderer, the preload bundle and main all import it.
 */

export const IPC_CHANNELS = {
  trpc: "studio:trpc",
  saveFile: "studio:save-file",
} as const;

/** Subscriptions are not carried over IPC: the router has none, and invoke() is request/response. */
export type IpcProcedureType = "query" | "mutation";

export interface IpcRequest {
  type: IpcProcedureType;
  /** Dotted procedure path, e.g. "clients.list". */
  path: string;
  input?: unknown;
}

/** The router's formatted error, exactly as the WebSocket transport sends it (code, message, data). */
export interface IpcErrorShape {
  code: number;
  message: string;
  data: unknown;
}

export type IpcReply = { ok: true; data: unknown } | { ok: false; error: IpcErrorShape };

export interface SaveFileRequest {
  suggestedName: string;
  content: string | Uint8Array;
  mime: string;
}

/** window.studioIpc, exposed by the preload. */
export interface StudioIpcBridge {
  invoke(request: IpcRequest): Promise<IpcReply>;
}

/** window.studioDesktop, exposed by the preload. saveFile resolves false when the user cancels. */
export interface StudioDesktopBridge {
  saveFile(request: SaveFileRequest): Promise<boolean>;
}

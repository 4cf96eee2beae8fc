import type { StudioDesktopBridge, StudioIpcBridge } from "../../../shared/desktop-bridge";

/** Set by Electron's preload (main/electron/preload.ts); absent in browser mode. */
declare global {
  interface Window {
    studioIpc?: StudioIpcBridge;
    studioDesktop?: StudioDesktopBridge;
  }
}

export {};

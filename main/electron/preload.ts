import { contextBridge, ipcRenderer } from "electron";
import { IPC_CHANNELS, type StudioDesktopBridge, type StudioIpcBridge } from "../../shared/desktop-bridge";

/**
 * The renderer's only ways out of its sandbox: the core's router, and the save dialog.
 * Each is a fixed channel; the page never gets ipcRenderer itself.
 */
const studioIpc: StudioIpcBridge = {
  invoke: (request) => ipcRenderer.invoke(IPC_CHANNELS.trpc, request),
};
const studioDesktop: StudioDesktopBridge = {
  saveFile: (request) => ipcRenderer.invoke(IPC_CHANNELS.saveFile, request),
};

contextBridge.exposeInMainWorld("studioIpc", studioIpc);
contextBridge.exposeInMainWorld("studioDesktop", studioDesktop);

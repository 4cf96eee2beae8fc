import type { BrowserWindow } from "electron";
import fs from "node:fs";
import path from "node:path";
import { parseWindowState, type WindowState } from "./window-state";

const FILE_NAME = "window-state.json";

export function readWindowState(userDataDir: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(fs.readFileSync(path.join(userDataDir, FILE_NAME), "utf8")));
  } catch {
    return null;
  }
}

function writeWindowState(userDataDir: string, state: WindowState): void {
  const file = path.join(userDataDir, FILE_NAME);
  try {
    fs.mkdirSync(userDataDir, { recursive: true });
    // Write then rename, so a crash mid-write never leaves a half file behind.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
    fs.renameSync(`${file}.tmp`, file);
  } catch (error) {
    console.warn(`Could not remember the window position: ${(error as Error).message}`);
  }
}

/** Saves the window's normal (unmaximized) bounds and maximized flag as it moves, and when it closes. */
export function rememberWindowState(window: BrowserWindow, userDataDir: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    writeWindowState(userDataDir, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on("resize", saveSoon);
  window.on("move", saveSoon);
  window.on("maximize", saveSoon);
  window.on("unmaximize", saveSoon);
  window.on("close", save);
}

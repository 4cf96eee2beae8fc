import { dialog, type BrowserWindow } from "electron";
import fs from "node:fs/promises";
import path from "node:path";
import { dialogFilters, parseSaveFileRequest } from "./save-file-request";

/** window.studioDesktop.saveFile: the native save dialog, then the write. False when cancelled. */
export async function saveWithDialog(window: BrowserWindow | null, raw: unknown, defaultDir: string): Promise<boolean> {
  const request = parseSaveFileRequest(raw);
  const options = { defaultPath: path.join(defaultDir, request.suggestedName), filters: dialogFilters(request.suggestedName) };
  const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return false;
  const data = typeof request.content === "string" ? request.content : Buffer.from(request.content.buffer, request.content.byteOffset, request.content.byteLength);
  await fs.writeFile(result.filePath, data);
  return true;
}

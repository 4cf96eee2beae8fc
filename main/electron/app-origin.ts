import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * True when a URL is one of our own renderer's pages: file:// inside the built renderer folder.
 * Used to refuse IPC from any other frame, and navigation away from the app.
 */
export function isOwnRendererUrl(url: string | null | undefined, rendererDir: string): boolean {
  if (!url) return false;
  let file: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "file:") return false;
    file = path.resolve(fileURLToPath(parsed));
  } catch {
    return false;
  }
  const root = path.resolve(rendererDir);
  return file.startsWith(root + path.sep);
}

/** The links the app may hand to the system (browser, mail client); everything else is refused. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return ["http:", "https:", "mailto:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

import path from "node:path";
import type { SaveFileRequest } from "../../shared/desktop-bridge";

const MAX_BYTES = 200 * 1024 * 1024;

/** A file name the user's system accepts: no folders, no reserved or control characters. */
export function safeFileName(suggested: string): string {
  const base = path.basename(suggested.replaceAll("\\", "/"));
  const cleaned = base.replace(/[<>:"/\\|?*\p{Cc}]/gu, "_").replace(/^[.\s]+|[.\s]+$/g, "");
  return cleaned.slice(0, 200) || "export";
}

/** Checks what the renderer sent; the renderer is ours, but the main process trusts no message. */
export function parseSaveFileRequest(raw: unknown): SaveFileRequest {
  const r = raw as Partial<SaveFileRequest> | null;
  if (typeof r !== "object" || r === null || typeof r.suggestedName !== "string" || typeof r.mime !== "string") {
    throw new Error("Malformed save request: expected { suggestedName, content, mime }");
  }
  if (typeof r.content !== "string" && !(r.content instanceof Uint8Array)) throw new Error("Save request content must be text or bytes");
  const size = typeof r.content === "string" ? Buffer.byteLength(r.content) : r.content.byteLength;
  if (size > MAX_BYTES) throw new Error(`Save request too large (${size} bytes)`);
  return { suggestedName: safeFileName(r.suggestedName), content: r.content, mime: r.mime };
}

/** Save dialog filter from the suggested name's extension, plus "all files". */
export function dialogFilters(fileName: string): { name: string; extensions: string[] }[] {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  const all = { name: "*", extensions: ["*"] };
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }, all] : [all];
}

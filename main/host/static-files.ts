import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".webmanifest": "application/manifest+json",
};

/** Vite names built assets `name-<hash>.ext` under assets/: their content never changes under that name. */
const HASHED_ASSET = /^assets\/.+-[\w-]{8,}\.\w+$/;

export type StaticTarget =
  | { kind: "file"; file: string; relative: string }
  | { kind: "app" }
  | { kind: "forbidden" }
  | { kind: "not-found" };

/**
 * Maps a URL path to a file inside staticDir. Anything that would leave staticDir (`..`, encoded
 * or not, backslashes, NUL) is forbidden; a path without an extension is a client-side route and
 * gets the app (index.html); a missing file with an extension is a real 404.
 */
export function resolveStaticTarget(staticDir: string, urlPath: string): StaticTarget {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: "forbidden" };
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return { kind: "forbidden" };
  const segments = decoded.split("/");
  if (segments.some((s) => s === "..")) return { kind: "forbidden" };
  const root = path.resolve(staticDir);
  const file = path.resolve(root, "." + path.posix.normalize("/" + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return { kind: "forbidden" };
  const relative = path.relative(root, file).split(path.sep).join("/");
  if (relative === "" || relative === "index.html") return { kind: "app" };
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile()) return { kind: "file", file, relative };
  const last = segments[segments.length - 1] ?? "";
  return last.includes(".") ? { kind: "not-found" } : { kind: "app" };
}

/** GET/HEAD of the built renderer, with content types, validators and cache headers. */
export function serveStatic(staticDir: string, req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
    return;
  }
  const urlPath = (req.url ?? "/").split(/[?#]/, 1)[0] || "/";
  const target = resolveStaticTarget(staticDir, urlPath);
  if (target.kind === "forbidden") {
    res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" }).end("Forbidden\n");
    return;
  }
  if (target.kind === "not-found") {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found\n");
    return;
  }
  const file = target.kind === "app" ? path.join(staticDir, "index.html") : target.file;
  const relative = target.kind === "app" ? "index.html" : target.relative;
  sendFile(file, relative, req, res);
}

function sendFile(file: string, relative: string, req: IncomingMessage, res: ServerResponse): void {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found (has the renderer been built?)\n");
    return;
  }
  const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
  const headers = {
    "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    // index.html and unhashed files are revalidated each time so a rebuilt app is picked up at once.
    "Cache-Control": HASHED_ASSET.test(relative) ? "public, max-age=31536000, immutable" : "no-cache",
    ETag: etag,
    "Last-Modified": stat.mtime.toUTCString(),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
  };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "Content-Length": stat.size });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  const stream = fs.createReadStream(file);
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}

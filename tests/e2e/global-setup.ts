import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

const mtime = (file: string) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

/**
 * The tests drive the built app. `npm run test:e2e` builds first; when `npx playwright test` is run
 * on its own and the build is missing or older than the sources, build again rather than test stale code.
 */
export default function globalSetup(): void {
  const sources = ["renderer", "shared", "main"].map((d) => newestMtime(path.join(root, d)));
  const renderer = mtime(path.join(root, "dist/renderer/index.html"));
  const host = mtime(path.join(root, "dist/host/cli.mjs"));
  const buildScript = path.join(root, "scripts/build.mjs");
  const hasBuildScript = fs.existsSync(buildScript);
  const stale = renderer < Math.max(...sources) || (hasBuildScript && host < Math.max(...sources));
  if (!stale) return;

  console.log("[e2e] dist/ is missing or older than the sources: building…");
  if (hasBuildScript) {
    execFileSync(process.execPath, [buildScript], { cwd: root, stdio: "inherit" });
  } else {
    execFileSync("npx", ["vite", "build", "-c", "renderer/vite.config.ts"], { cwd: root, stdio: "inherit" });
  }
}

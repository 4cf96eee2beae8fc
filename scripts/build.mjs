// Builds everything `npm start`, browser mode and electron-builder run from:
// dist/renderer (vite), dist/host/cli.mjs (browser mode), dist/electron/{main,preload}.cjs.
import { build as esbuild } from "esbuild";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build as viteBuild } from "vite";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildAll({ quiet = false } = {}) {
  await viteBuild({ configFile: path.join(root, "renderer/vite.config.ts"), logLevel: quiet ? "warn" : "info" });

  const common = { absWorkingDir: root, bundle: true, sourcemap: true, logLevel: quiet ? "warning" : "info" };
  await Promise.all([
    // Browser mode runs on the system's Node; npm packages (better-sqlite3 is native) load from node_modules.
    esbuild({
      ...common,
      entryPoints: ["main/host/cli.ts"],
      outfile: "dist/host/cli.mjs",
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
    }),
    // Electron 45 runs Node 22; its main process loads CommonJS.
    esbuild({
      ...common,
      entryPoints: ["main/electron/main.ts"],
      outfile: "dist/electron/main.cjs",
      platform: "node",
      format: "cjs",
      target: "node22",
      packages: "external",
      external: ["electron"],
    }),
    // A sandboxed preload may require only "electron": everything else is bundled in.
    esbuild({
      ...common,
      entryPoints: ["main/electron/preload.ts"],
      outfile: "dist/electron/preload.cjs",
      platform: "browser",
      format: "cjs",
      target: "chrome140",
      external: ["electron"],
    }),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildAll();
  console.log("Built dist/renderer, dist/host/cli.mjs, dist/electron/main.cjs and dist/electron/preload.cjs");
}

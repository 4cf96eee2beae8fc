import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { resolveDataDir } from "../core/data-dir";
import { seedDemoStudio } from "../core/demo/seed-demo";
import { createStudioCore } from "../core/studio-core";
import { startHostServer, type HostServer } from "./host-server";
import { findChromium, hasDisplay, openAppWindow } from "./open-browser";

const DEFAULT_PORT = 4780;

const USAGE = `Usage: node dist/host/cli.mjs [options]
  --data-dir <path>  where the studio's database lives (or STUDIO_DATA_DIR)
  --port <n>         port on 127.0.0.1, default ${DEFAULT_PORT} (or STUDIO_PORT); a free one if taken
  --demo             fill an empty database with the demo studio
  --no-open          only print the URL (or STUDIO_NO_OPEN=1)`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function parseCli(argv: string[]) {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        "data-dir": { type: "string" },
        port: { type: "string" },
        demo: { type: "boolean", default: false },
        "no-open": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    return values;
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}

function parsePort(text: string | undefined): number {
  if (text === undefined || text.trim() === "") return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Invalid port "${text}": expected 0 to 65535.`);
  return port;
}

/** dist/host/cli.mjs serves dist/renderer; run from source (tsx main/host/cli.ts) it serves the same build. */
function findStaticDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.resolve(here, "../renderer"), path.resolve(here, "../../dist/renderer")];
  return candidates.find((dir) => fs.existsSync(path.join(dir, "index.html"))) ?? candidates[0]!;
}

async function listen(options: Parameters<typeof startHostServer>[0]): Promise<{ server: HostServer; busyPort: number | null }> {
  try {
    return { server: await startHostServer(options), busyPort: null };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || options.port === 0) throw error;
    // Another instance (or another program) holds the port: any free one will do, the URL says which.
    return { server: await startHostServer({ ...options, port: 0 }), busyPort: options.port };
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const args = parseCli(argv);
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const { dataDir, databaseFile } = resolveDataDir({ argv, env: process.env, platform: process.platform, homedir: os.homedir() });
  const port = parsePort(args.port ?? process.env.STUDIO_PORT);
  const noOpen = args["no-open"] || process.env.STUDIO_NO_OPEN === "1";

  const core = createStudioCore({ databaseFile });
  if (args.demo && !core.studio.find()) seedDemoStudio(core);
  // Syncs only once this computer is connected to a studio account; idle (and offline-safe) before.
  core.sync.start();

  let server: HostServer;
  let busyPort: number | null;
  try {
    ({ server, busyPort } = await listen({ core, staticDir: findStaticDir(), port }));
  } catch (error) {
    core.close();
    throw error;
  }

  const browser = noOpen || !hasDisplay() ? null : findChromium();
  const busyNote = busyPort === null ? "" : ` (port ${busyPort} was busy)`;
  if (browser) {
    console.log(
      `Recording Studio Manager is running at ${server.url}${busyNote} and opens in a Chromium window; closing that window keeps it running (reopen the URL any time), Ctrl+C stops it.`,
    );
  } else {
    console.log(`Recording Studio Manager is running at ${server.url}${busyNote}; open it in your browser. Ctrl+C stops it.`);
  }

  let stopping = false;
  const child = browser ? openAppWindow(browser, server.url, path.join(dataDir, "browser-profile")) : null;
  let browserFailed = false;
  child?.on("error", (error) => {
    browserFailed = true;
    console.error(`Could not open ${browser}: ${error.message}. The studio is still at ${server.url}`);
  });
  child?.on("exit", () => {
    if (!stopping && !browserFailed) console.log(`The browser window closed; the studio is still running at ${server.url} (Ctrl+C stops it).`);
  });

  const stop = async () => {
    // Signals often arrive more than once (terminal, npm and `timeout` all forward them): stop once.
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 5000).unref();
    if (child && child.exitCode === null) child.kill();
    try {
      await server.close();
    } finally {
      core.close();
    }
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`Recording Studio Manager could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

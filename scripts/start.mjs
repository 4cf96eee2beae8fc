// `npm start`: build, then the desktop app in Electron; where Electron cannot run here,
// browser mode (the same core and router behind a local web server) with the demo studio.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildAll } from "./build.mjs";
import { ensureElectronSqlite } from "./electron-native.mjs";
import { electronVersion, findElectron } from "./electron-runtime.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const extraArgs = process.argv.slice(2);
const runningAsRoot = process.getuid?.() === 0;

/** Runs the app in the foreground; signals sent to this script reach it, and its exit code is ours. */
function runForeground(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env });
  const forward = (signal) => {
    if (child.exitCode === null) child.kill(signal);
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (signal === "SIGINT" ? 2 : 15) : 1)));
}

function browserMode(reason) {
  console.log(`Electron is not available on this machine (${reason}); starting browser mode.`);
  runForeground(process.execPath, [path.join(root, "dist", "host", "cli.mjs"), "--demo", ...extraArgs]);
}

async function electronReadiness() {
  const electron = await findElectron(root);
  if (!electron.binary) return electron;
  if (process.platform === "linux" && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) return { reason: "no display to open a window on" };
  const version = electronVersion(root);
  const sqlite = await ensureElectronSqlite(root, version);
  if (!sqlite.binding) return sqlite;
  return { binary: electron.binary, binding: sqlite.binding };
}

await buildAll({ quiet: true });
const ready = await electronReadiness();
if (!ready.binary) {
  browserMode(ready.reason);
} else {
  // Chromium, and so Electron, will not start as root with its sandbox on.
  const args = [root, "--demo", ...(runningAsRoot ? ["--no-sandbox"] : []), ...extraArgs];
  runForeground(ready.binary, args, { ...process.env, STUDIO_SQLITE_BINDING: ready.binding });
}

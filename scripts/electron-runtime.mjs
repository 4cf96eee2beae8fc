// Finds Electron's binary without triggering a download, and tries the download once, bounded.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const INSTALL_TIMEOUT_MS = 45_000;

/**
 * What `require("electron")` returns once the binary is there. Not require itself: electron's
 * index.js starts an unbounded blocking download when the binary is missing.
 */
export function installedElectronBinary(root) {
  const dir = path.join(root, "node_modules", "electron");
  let relative;
  try {
    relative = fs.readFileSync(path.join(dir, "path.txt"), "utf8").trim();
  } catch {
    return null;
  }
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(dir, "dist");
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

export function electronVersion(root) {
  return JSON.parse(fs.readFileSync(path.join(root, "node_modules", "electron", "package.json"), "utf8")).version;
}

/** First line of an installer's output that says what went wrong (not a stack frame). */
function firstErrorLine(output) {
  const lines = output.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("at ") && !l.startsWith("Downloading"));
  const line = lines.find((l) => /error/i.test(l)) ?? lines[0] ?? "no output";
  return line.replace(/^(\w*Error):\s*/, "").slice(0, 120);
}

function runInstaller(root) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules", "electron", "install.js")], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: INSTALL_TIMEOUT_MS,
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ ok: false, reason: error.message }));
    child.on("close", (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else if (signal) resolve({ ok: false, reason: `download timed out after ${INSTALL_TIMEOUT_MS / 1000} s` });
      else resolve({ ok: false, reason: `download failed: ${firstErrorLine(output)}` });
    });
  });
}

/** { binary } when Electron can run, else { reason } in a few words. */
export async function findElectron(root) {
  if (!fs.existsSync(path.join(root, "node_modules", "electron", "package.json"))) return { reason: "the electron package is not installed" };
  const present = installedElectronBinary(root);
  if (present) return { binary: present };
  const installed = await runInstaller(root);
  const binary = installedElectronBinary(root);
  if (binary) return { binary };
  return { reason: `binary not downloaded; ${installed.ok ? "the installer left no binary" : installed.reason}` };
}

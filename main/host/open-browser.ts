import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const CHROMIUM_NAMES = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const FIXED_PATHS: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"],
  darwin: ["/Applications/Chromium.app/Contents/MacOS/Chromium", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"],
};

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The system's Chromium or Chrome, if one is installed (we never download a browser). */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | null {
  const fromPath = (env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => CHROMIUM_NAMES.map((name) => path.join(dir, name)));
  return [...(FIXED_PATHS[platform] ?? []), ...fromPath].find(isExecutable) ?? null;
}

/** A desktop session to show a window on; without one (SSH, CI) there is no point starting a browser. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== "linux" || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

export function chromiumAppArgs(url: string, profileDir: string, runningAsRoot: boolean): string[] {
  const args = [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ];
  // Chromium refuses to start as root with its sandbox on.
  if (runningAsRoot) args.push("--no-sandbox");
  return args;
}

/** Opens the app in its own window with a profile kept beside the studio's data. */
export function openAppWindow(browser: string, url: string, profileDir: string): ChildProcess {
  const runningAsRoot = process.getuid?.() === 0;
  return spawn(browser, chromiumAppArgs(url, profileDir, runningAsRoot), { stdio: "ignore" });
}

import path from "node:path";

export const DATABASE_FILE_NAME = "studio.sqlite";
const LINUX_DIR = "recording-studio-manager";
const DESKTOP_DIR = "Recording Studio Manager";

export interface DataDirInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homedir: string;
  /** Replaces the per-user default (Electron passes app.getPath("userData")). */
  defaultDir?: string;
  /** Base for a relative --data-dir or STUDIO_DATA_DIR; process.cwd() when absent. */
  cwd?: string;
}

export interface DataDir {
  dataDir: string;
  databaseFile: string;
  source: "flag" | "env" | "default";
}

/** `--data-dir <path>` or `--data-dir=<path>`; throws when the flag has no value. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith("--data-dir=")) return requireValue(arg.slice("--data-dir=".length));
    if (arg === "--data-dir") return requireValue(argv[i + 1]);
  }
  return undefined;
}

function requireValue(value: string | undefined): string {
  if (!value || value.startsWith("--")) throw new Error("--data-dir needs a folder path, e.g. --data-dir ./studio-data");
  return value;
}

/**
 * Where the studio keeps its database: the flag, else STUDIO_DATA_DIR, else the platform's per-user
 * data folder. Paths are built with the target platform's rules so the result is the same on any host.
 */
export function resolveDataDir(input: DataDirInput): DataDir {
  const p = input.platform === "win32" ? path.win32 : path.posix;
  const cwd = input.cwd ?? process.cwd();
  const flag = dataDirFlag(input.argv);
  const fromEnv = input.env.STUDIO_DATA_DIR?.trim();
  let dataDir: string;
  let source: DataDir["source"];
  if (flag !== undefined) {
    dataDir = p.resolve(cwd, flag);
    source = "flag";
  } else if (fromEnv) {
    dataDir = p.resolve(cwd, fromEnv);
    source = "env";
  } else {
    dataDir = input.defaultDir ?? defaultDataDir(input);
    source = "default";
  }
  return { dataDir, databaseFile: p.join(dataDir, DATABASE_FILE_NAME), source };
}

function defaultDataDir({ platform, env, homedir }: DataDirInput): string {
  if (platform === "win32") {
    return path.win32.join(env.APPDATA || path.win32.join(homedir, "AppData", "Roaming"), DESKTOP_DIR);
  }
  if (platform === "darwin") return path.posix.join(homedir, "Library", "Application Support", DESKTOP_DIR);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const xdg = env.XDG_DATA_HOME;
  const base = xdg && path.posix.isAbsolute(xdg) ? xdg : path.posix.join(homedir, ".local", "share");
  return path.posix.join(base, LINUX_DIR);
}

import os from "node:os";
import path from "node:path";

/**
 * Where `npm run server` keeps its embedded PostgreSQL and secrets: SYNC_DATA_DIR, else a
 * per-user folder. Run as root, PostgreSQL runs as an unprivileged account that cannot enter
 * /root, so the default is then the system's /var/lib.
 */
export function syncDataDir(env: Readonly<Record<string, string | undefined>>, platform: NodeJS.Platform = process.platform): string {
  const explicit = env.SYNC_DATA_DIR?.trim();
  if (explicit) return path.resolve(explicit);
  if (platform !== "win32" && typeof process.getuid === "function" && process.getuid() === 0) {
    return "/var/lib/recording-studio-manager/sync-server";
  }
  const home = os.homedir();
  if (platform === "darwin") return path.join(home, "Library", "Application Support", "Recording Studio Manager", "sync-server");
  if (platform === "win32") return path.join(env.APPDATA ?? path.join(home, "AppData", "Roaming"), "Recording Studio Manager", "sync-server");
  return path.join(env.XDG_DATA_HOME?.trim() || path.join(home, ".local", "share"), "recording-studio-manager", "sync-server");
}

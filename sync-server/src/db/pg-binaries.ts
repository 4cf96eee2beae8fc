import fs from "node:fs";
import path from "node:path";

/** Debian and Ubuntu install each major version side by side under this folder. */
const DEBIAN_ROOT = "/usr/lib/postgresql";

const hasInitdb = (dir: string): boolean => fs.existsSync(path.join(dir, "initdb"));

/**
 * The folder holding initdb, pg_ctl and postgres: SYNC_PG_BIN_DIR, else the newest Debian-layout
 * version (15 or later, for the SQL the migrations use), else the first `initdb` on PATH.
 */
export function findPostgresBinDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const explicit = env.SYNC_PG_BIN_DIR?.trim();
  if (explicit) {
    if (!hasInitdb(explicit)) throw new Error(`SYNC_PG_BIN_DIR=${explicit} holds no initdb`);
    return explicit;
  }
  if (fs.existsSync(DEBIAN_ROOT)) {
    const versions = fs
      .readdirSync(DEBIAN_ROOT)
      .filter((v) => /^\d+$/.test(v) && Number(v) >= 15)
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const dir = path.join(DEBIAN_ROOT, v, "bin");
      if (hasInitdb(dir)) return dir;
    }
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir && hasInitdb(dir)) return dir;
  }
  throw new Error(
    "PostgreSQL 15 or later was not found (no initdb in /usr/lib/postgresql/*/bin or on PATH): " +
      "install it (Debian: apt-get install postgresql-15), set SYNC_PG_BIN_DIR, or point DATABASE_URL at a server",
  );
}

import fs from "node:fs";

export interface OsUser {
  name: string;
  uid: number;
  gid: number;
}

/** Looks a user up in /etc/passwd (enough for the system accounts PostgreSQL runs as). */
export function findOsUser(name: string, passwd = "/etc/passwd"): OsUser | null {
  if (!fs.existsSync(passwd)) return null;
  for (const line of fs.readFileSync(passwd, "utf8").split("\n")) {
    const [user, , uid, gid] = line.split(":");
    if (user === name && uid && gid) return { name, uid: Number(uid), gid: Number(gid) };
  }
  return null;
}

/**
 * PostgreSQL refuses to run as root. Run as root, the cluster belongs to an unprivileged account:
 * SYNC_PG_OS_USER, else `postgres` (made by the Debian package), else `nobody`. Not root: null, the
 * cluster runs as the current user.
 */
export function clusterOsUser(env: Readonly<Record<string, string | undefined>> = process.env): OsUser | null {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return null;
  const wanted = env.SYNC_PG_OS_USER?.trim();
  const candidates = wanted ? [wanted] : ["postgres", "nobody"];
  for (const name of candidates) {
    const user = findOsUser(name);
    if (user && user.uid !== 0) return user;
  }
  throw new Error(
    `Running as root, the embedded PostgreSQL needs an unprivileged account to run as (${candidates.join(" or ")}), and none was found: set SYNC_PG_OS_USER`,
  );
}

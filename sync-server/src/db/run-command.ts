import { spawn } from "node:child_process";
import type { OsUser } from "./cluster-os-user";

export interface CommandResult {
  code: number | null;
  output: string;
}

/**
 * Runs a PostgreSQL tool to completion, as `as` when given (root handing the cluster to an
 * unprivileged account), with a C locale so its messages and defaults do not depend on the host.
 */
export function runCommand(file: string, args: readonly string[], as: OsUser | null): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      stdio: ["ignore", "pipe", "pipe"],
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", LANG: "C", ...(as ? { HOME: "/" } : { HOME: process.env.HOME ?? "/" }) },
      ...(as ? { uid: as.uid, gid: as.gid } : {}),
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, output: output.trim() }));
  });
}

/** Like runCommand, but a non-zero exit is an error that carries the tool's own words. */
export async function runChecked(file: string, args: readonly string[], as: OsUser | null, what: string): Promise<string> {
  const result = await runCommand(file, args, as);
  if (result.code !== 0) throw new Error(`${what} failed (exit ${result.code}): ${result.output || "no output"}`);
  return result.output;
}

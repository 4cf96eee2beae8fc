import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startSmtpInbox, type SmtpInbox } from "../integration/support/smtp-inbox";
import { invitationCodeIn } from "../integration/support/team-studio";

const root = path.resolve(import.meta.dirname, "../..");
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** The URL of the server's one JSON "listening" log line, else null. */
function listeningUrl(line: string): string | null {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; url?: unknown };
    return entry.msg === "listening" && typeof entry.url === "string" ? entry.url : null;
  } catch {
    return null;
  }
}

/** A real sync server (`npm run server`) with its embedded PostgreSQL in a throwaway folder. */
export interface SyncServerProcess {
  url: string;
  /** Every log line so far, for a failing test's attachment. */
  log: string[];
  stop(): Promise<void>;
}

/**
 * Starts `sync-server/src/cli.ts` on a free port of 127.0.0.1 and waits for its "listening" line.
 * The data folder must be traversable by every user: run as root, PostgreSQL runs as `postgres`.
 */
export async function startSyncServer({ env = {} }: { env?: Record<string, string> } = {}): Promise<SyncServerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-e2e-sync-"));
  fs.chmodSync(dataDir, 0o755);
  const log: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", path.join(root, "sync-server/src/cli.ts")], {
    cwd: root,
    // Mail is off unless a test passes its own SMTP_URL (an inbox it reads invitations from).
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", SYNC_DATA_DIR: dataDir, DATABASE_URL: undefined, SMTP_URL: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const cleanUp = () => fs.rmSync(dataDir, { recursive: true, force: true });

  const url = await new Promise<string>((resolve, reject) => {
    let partial = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`The sync server did not listen within ${START_TIMEOUT_MS} ms:\n${log.join("")}`));
    }, START_TIMEOUT_MS);
    child.stdout!.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      const lines = (partial + chunk.toString()).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) {
        const url = listeningUrl(line);
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      }
    });
    child.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The sync server exited before listening:\n${log.join("")}`));
    });
  }).catch((error: unknown) => {
    cleanUp();
    throw error;
  });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      // SIGTERM stops the embedded PostgreSQL too; wait for it before removing its folder.
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    cleanUp();
  };
  return { url, log, stop };
}

/** A call to the sync server as any tRPC client over HTTP makes it (someone acting from elsewhere). */
export async function callSyncServer<T>(server: SyncServerProcess, procedure: string, input: unknown, accessToken?: string): Promise<T> {
  const response = await fetch(`${server.url}/trpc/${procedure}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: T }; error?: unknown };
  if (!body.result) throw new Error(`${procedure}: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/** A sync server mailing through a local SMTP inbox (invitations, resets), and how to stop both. */
export async function startMailingSyncServer(): Promise<{ server: SyncServerProcess; inbox: SmtpInbox; stop(): Promise<void> }> {
  const inbox = await startSmtpInbox();
  try {
    const server = await startSyncServer({ env: { SMTP_URL: inbox.url } });
    return { server, inbox, stop: async () => (await server.stop(), await inbox.close()) };
  } catch (err) {
    await inbox.close();
    throw err;
  }
}

/** The one-time invitation code mailed to `email` (the first mail to it since mail number `since`). */
export async function mailedInvitationCode(inbox: SmtpInbox, email: string, since = 0): Promise<string> {
  return invitationCodeIn(await inbox.mailFor(email, since));
}

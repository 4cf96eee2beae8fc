import { startBenchSyncServer } from "./sync-bench-server";

/**
 * The bench's sync server in a process of its own, as in production (the server is another
 * machine than the desks): prints where it listens and how to reach its database as one JSON
 * line, then serves until its parent sends SIGTERM or goes away.
 */
const srv = await startBenchSyncServer();
let closing = false;
const close = async () => {
  if (closing) return;
  closing = true;
  await srv.close();
  process.exit(0);
};
process.on("SIGTERM", () => void close());
process.on("disconnect", () => void close());
process.stdout.write(`${JSON.stringify({ url: srv.url, admin: srv.admin })}\n`);

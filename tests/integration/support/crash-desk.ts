import { createServerClient } from "../../../main/core/account/server-client";
import { createStudioCore } from "../../../main/core/studio-core";

/**
 * A desk in its own process, so a test can SIGKILL it: opens the SQLite file given, syncs once
 * through the server URL given (the test's proxy), prints the report and exits.
 * Usage: node --import tsx crash-desk.ts <sqlite file> <server url> <access token> <device id>
 */
const [file, serverUrl, accessToken, deviceId] = process.argv.slice(2);
if (!file || !serverUrl || !accessToken || !deviceId) throw new Error("usage: crash-desk.ts <sqlite file> <server url> <access token> <device id>");
const core = createStudioCore({ databaseFile: file });
const client = createServerClient(serverUrl, () => accessToken);
const engine = core.createSyncEngine(
  { push: (input) => client.sync.push.mutate(input), pull: (input) => client.sync.pull.query(input) },
  { deviceId },
);
const report = await engine.syncOnce();
core.close();
process.stdout.write(`${JSON.stringify(report)}\n`);

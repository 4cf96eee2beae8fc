import { readServerConfig } from "./config";
import { jsonLogger } from "./log";
import { readOperatorConfig } from "./operator/operator-config";
import { createServices } from "./runtime/create-services";
import { openStorage } from "./runtime/open-storage";
import { readRuntimeConfig } from "./runtime/runtime-config";
import { loadServerSecrets } from "./runtime/server-secrets";
import { startSyncServer } from "./server";

/** Starts everything; the returned function stops it in reverse order. */
async function start(): Promise<() => Promise<void>> {
  const env = process.env;
  const serverConfig = readServerConfig(env);
  const runtime = readRuntimeConfig(env);
  const operator = readOperatorConfig(env);
  const secrets = loadServerSecrets(runtime.dataDir, { tokenSecret: runtime.tokenSecret, appDbPassword: runtime.appDbPassword });
  const log = jsonLogger;
  const storage = await openStorage(runtime, secrets.appDbPassword, log);
  const services = { ...createServices(runtime, storage.databases, secrets.tokenSecret, log), operator };
  const release = async () => {
    services.close();
    await storage.close();
  };
  const server = await startSyncServer({ ...serverConfig, services, trustProxy: runtime.trustProxy, database: storage.description, log }).catch(
    async (err: unknown) => {
      await release();
      throw err;
    },
  );
  return async () => {
    await server.close();
    await release();
  };
}

/**
 * `npm run server`: configuration from the environment (README, "Sync server"). SIGINT/SIGTERM
 * finish in-flight requests, close the database pools, stop the embedded PostgreSQL, then exit 0;
 * a signal during start-up waits for it to finish, so a cluster being started is stopped too.
 */
const started = start();
let stopping = false;
const onSignal = (signal: NodeJS.Signals) => {
  if (stopping) {
    process.stderr.write(`${signal} again: exiting without waiting\n`);
    process.exit(1);
  }
  stopping = true;
  started
    .then((stop) => stop())
    .then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Shutdown failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

started.catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

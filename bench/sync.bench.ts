import { startBenchSyncServerProcess } from "./sync-bench-server";
import { benchSyncPropagation } from "./sync-propagation.bench";
import { benchSyncPull } from "./sync-pull.bench";
import { benchSyncPush } from "./sync-push.bench";

/**
 * The sync benchmarks on one throwaway server, in its own process as in production: push and
 * first-pull throughput against bare baselines, then live propagation between two desks; the
 * summary line is printed last.
 */
export async function benchSync(): Promise<string> {
  const srv = await startBenchSyncServerProcess();
  try {
    const push = await benchSyncPush(srv);
    const pull = await benchSyncPull(srv);
    const live = await benchSyncPropagation(srv);
    return [
      ...push.lines,
      ...pull.lines,
      ...live.lines,
      `sync push_ratio=${push.ratio.toFixed(2)} pull_ratio=${pull.ratio.toFixed(2)} propagation_p95_ms=${live.p95.toFixed(0)}`,
    ].join("\n");
  } finally {
    await srv.close();
  }
}

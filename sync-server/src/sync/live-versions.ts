import { TRPCError } from "@trpc/server";
import type { LiveVersion } from "../../../shared/sync/protocol";
import { rethrowAsTRPCError } from "../../../shared/trpc-error-data";
import type { AccountsDeps } from "../accounts/accounts-deps";
import { authenticate, type AuthSession } from "../accounts/authenticate";
import type { LiveHub } from "./live-hub";
import { LiveMailbox } from "./live-mailbox";

async function currentVersion(auth: AuthSession): Promise<number> {
  return auth.inTenant(async (tx) => {
    const { rows } = await tx.query<{ version: string }>("SELECT version FROM tenant_versions WHERE tenant_id = $1", [auth.tenantId]);
    return Number(rows[0]?.version ?? 0);
  });
}

/**
 * sync.live (ARCHITECTURE.md, sync step 4): the tenant's version once at once, so the client pulls
 * on connect, then each time a commit moves it. The device and token are checked again when this
 * device is revoked and every recheck period, and the stream ends with their refusal
 * (UNAUTHORIZED: the desktop asks to log in again). At shutdown it ends with SERVICE_UNAVAILABLE,
 * which the client treats as "reconnect", to this server once restarted or to another one.
 */
export async function* liveVersions(
  deps: AccountsDeps,
  hub: LiveHub,
  auth: AuthSession,
  authorization: string | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<LiveVersion> {
  const inbox = new LiveMailbox(auth.deviceId);
  const unsubscribe = await hub.listener.subscribe(auth.tenantId, (event) => inbox.put(event));
  const unregister = hub.onClose(() => inbox.close());
  const onAbort = () => inbox.abort();
  signal?.addEventListener("abort", onAbort);
  try {
    let sent = -1;
    for (;;) {
      const news = await inbox.take(hub.recheckMs);
      if (news.aborted) return;
      if (news.closing) throw new TRPCError({ code: "SERVICE_UNAVAILABLE", message: "The server is restarting: reconnect" });
      if (news.recheck) await authenticate(deps, authorization);
      const version = news.resync ? Math.max(news.version, await currentVersion(auth)) : news.version;
      if (version > sent) {
        sent = version;
        yield { version };
      }
    }
  } catch (err) {
    rethrowAsTRPCError(err);
    throw err;
  } finally {
    signal?.removeEventListener("abort", onAbort);
    unsubscribe();
    unregister();
  }
}

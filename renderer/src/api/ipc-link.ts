import { TRPCClientError, type TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import type { AppRouter } from "../../../main/core/router/app-router";
import type { StudioIpcBridge } from "../../../shared/desktop-bridge";

/**
 * tRPC over Electron IPC. The main process answers with the router's own error shape, so
 * `error.data.appCode` and `error.data.fieldErrors` reach the UI exactly as over WebSocket.
 * Takes the bridge as an argument (not `window`) so it runs in Node tests too.
 */
export function ipcLink(bridge: StudioIpcBridge): TRPCLink<AppRouter> {
  return () =>
    ({ op }) =>
      observable((observer) => {
        if (op.type === "subscription") {
          observer.error(TRPCClientError.from<AppRouter>(new Error(`Subscriptions are not carried over IPC (${op.path})`)));
          return;
        }
        // invoke() cannot be cancelled; an unsubscribed operation just ignores its late reply.
        let active = true;
        bridge.invoke({ type: op.type, path: op.path, input: op.input }).then(
          (reply) => {
            if (!active) return;
            if (reply.ok) {
              observer.next({ result: { type: "data", data: reply.data } });
              observer.complete();
            } else {
              observer.error(TRPCClientError.from<AppRouter>({ error: reply.error }));
            }
          },
          (cause: unknown) => {
            if (active) observer.error(TRPCClientError.from<AppRouter>(cause instanceof Error ? cause : new Error(String(cause))));
          },
        );
        return () => {
          active = false;
        };
      });
}

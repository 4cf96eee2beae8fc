import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink, TRPCClientError, type TRPCClient } from "@trpc/client";
import { EventSource } from "eventsource";
import type { SyncRouter } from "../../../sync-server/src/router";
import { isAppErrorCode, type AppErrorCode } from "../../../shared/errors";
import { AppError } from "../errors";

export type ServerClient = TRPCClient<SyncRouter>;

/** A request the server has not answered by then is treated as "unreachable": the desk keeps working. */
const REQUEST_TIMEOUT_MS = 20_000;


/**
 * The sync server's tRPC client: queries and mutations over HTTP, live notifications over SSE.
 * `token()` is read on every request, so a refreshed access token is used at once. `timeoutMs`:
 * how long a request may go unanswered before it counts as unreachable.
 */
export function createServerClient(serverUrl: string, token: () => string | null, o: { timeoutMs?: number } = {}): ServerClient {
  const timeoutMs = o.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const url = `${serverUrl}/trpc`;
  const authHeader = (): Record<string, string> => {
    const t = token();
    return t ? { authorization: `Bearer ${t}` } : {};
  };
  return createTRPCClient<SyncRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({
          url,
          EventSource,
          // The stream authenticates like any request: the bearer header, added to the SSE fetch.
          eventSourceOptions: () => ({
            fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, ...authHeader() } }),
          }),
        }),
        false: httpLink({
          url,
          headers: authHeader,
          fetch: (input, init) => fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs) } as RequestInit),
        }),
      }),
    ],
  });
}

/**
 * What a call to the server threw, as the core's AppError: the server's own code and field errors
 * when it refused, SERVER_UNREACHABLE when it did not answer.
 */
export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof TRPCClientError) {
    const data = e.data as { appCode?: unknown; fieldErrors?: Record<string, string[]> | null; details?: unknown } | undefined;
    if (isAppErrorCode(data?.appCode)) return new AppError(data.appCode, e.message, data.fieldErrors ?? undefined, data.details ?? undefined);
  }
  return new AppError("SERVER_UNREACHABLE", `The studio server did not answer: ${e instanceof Error ? e.message : String(e)}`);
}

/** The codes after which only a new login helps (ARCHITECTURE.md: the desktop asks, keeping its outbox). */
export const LOGIN_AGAIN_CODES: readonly AppErrorCode[] = ["UNAUTHENTICATED", "TOKEN_EXPIRED", "DEVICE_REVOKED", "SESSION_REVOKED", "LOGIN_REQUIRED"];

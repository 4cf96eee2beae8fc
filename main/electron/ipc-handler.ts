import {
  callTRPCProcedure,
  getErrorShape,
  getTRPCErrorFromUnknown,
  TRPCError,
  type AnyTRPCRouter,
  type inferRouterContext,
} from "@trpc/server";
import type { IpcErrorShape, IpcReply, IpcRequest } from "../../shared/desktop-bridge";
import { isOwnRendererUrl } from "./app-origin";

/** The part of Electron's IpcMainInvokeEvent the handler reads (so tests need no Electron). */
export interface IpcEventLike {
  senderFrame?: { url: string } | null;
}

export interface IpcHandlerOptions<TRouter extends AnyTRPCRouter> {
  router: TRouter;
  createContext: () => inferRouterContext<TRouter> | Promise<inferRouterContext<TRouter>>;
  /** The built renderer folder; only frames loaded from it may call the router. */
  rendererDir: string;
  /** Called for every error, as applyWSSHandler's onError is. */
  onError?: (opts: { error: TRPCError; path: string | undefined }) => void;
}

const PATH = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;

function parseRequest(request: unknown): IpcRequest {
  const r = request as Partial<IpcRequest> | null;
  if (typeof r !== "object" || r === null || (r.type !== "query" && r.type !== "mutation") || typeof r.path !== "string" || !PATH.test(r.path)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: "Malformed IPC request: expected { type: 'query' | 'mutation', path, input }" });
  }
  return { type: r.type, path: r.path, input: r.input };
}

/**
 * Values cross as JSON, as over WebSocket: IPC's structured clone would let a Date or a Map
 * through on one transport and not the other, and would throw on a value it cannot clone.
 */
function asJson(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function jsonInput(input: unknown): unknown {
  try {
    return asJson(input);
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "The input is not JSON (a cycle, a BigInt...)" });
  }
}

/**
 * The main-process end of the IPC transport: (event, request) → reply, with the router's own
 * formatted error shape so the renderer sees the same TRPCClientError as over WebSocket.
 */
export function createIpcHandler<TRouter extends AnyTRPCRouter>(options: IpcHandlerOptions<TRouter>) {
  const { router, createContext, rendererDir, onError } = options;
  return async (event: IpcEventLike, request: unknown): Promise<IpcReply> => {
    let ctx: inferRouterContext<TRouter> | undefined;
    let call: IpcRequest | undefined;
    try {
      if (!isOwnRendererUrl(event.senderFrame?.url, rendererDir)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "IPC refused: the sender is not the studio's own window" });
      }
      call = parseRequest(request);
      ctx = await createContext();
      const input = jsonInput(call.input);
      const data: unknown = await callTRPCProcedure({
        router,
        path: call.path,
        getRawInput: async () => input,
        ctx,
        type: call.type,
        signal: undefined,
        batchIndex: 0,
      });
      return { ok: true, data: asJson(data) };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      onError?.({ error, path: call?.path });
      const shape: unknown = getErrorShape({
        config: router._def._config,
        error,
        type: call?.type ?? "unknown",
        path: call?.path,
        input: call?.input,
        ctx,
      });
      return { ok: false, error: asJson(shape) as IpcErrorShape };
    }
  };
}

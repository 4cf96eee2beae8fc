import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, TRPCClientError } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "../../../main/core/router/app-router";
import { isAppErrorCode, type AppErrorCode, type FieldErrors } from "../../../shared/errors";
import { createTransportLinks } from "../api/links";

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

export function createClients() {
  const queryClient = new QueryClient({
    defaultOptions: {
      // The core is local: data is fresh until we change it ourselves (mutations invalidate).
      queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  const trpcClient = createTRPCClient<AppRouter>({ links: createTransportLinks() });
  return { queryClient, trpcClient };
}

interface ErrorData {
  appCode?: string;
  fieldErrors?: FieldErrors | null;
}

export function appCodeOf(error: unknown): AppErrorCode {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    if (isAppErrorCode(data?.appCode)) return data.appCode;
  }
  return "INTERNAL";
}

export function fieldErrorsOf(error: unknown): FieldErrors {
  if (error instanceof TRPCClientError) return ((error.data as ErrorData | undefined)?.fieldErrors ?? {}) as FieldErrors;
  return {};
}

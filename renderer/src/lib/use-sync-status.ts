import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "./trpc";

/** Sync moves on its own (pushes, pulls, live notifications): the indicator asks this often. */
const POLL_MS = 2_000;

/** The sync status, kept fresh by polling; every screen that shows it shares this one query. */
export function useSyncStatus() {
  const trpc = useTRPC();
  return useQuery(trpc.sync.status.queryOptions(undefined, { refetchInterval: POLL_MS, staleTime: 0 })).data;
}

/**
 * A finished round may have pulled rows written elsewhere, and the server may have ended the
 * session: when `lastSyncedAt` moves or a new login becomes (or stops being) required, every
 * list, form source and the account status are read again (the core is local, so this is cheap).
 * Mount once, in the shell.
 */
export function useRefreshAfterSync(status: { lastSyncedAt: string | null; state: string } | undefined): void {
  const queryClient = useQueryClient();
  const key = status ? `${status.lastSyncedAt ?? ""}|${status.state === "login_required"}` : undefined;
  const seen = useRef(key);
  useEffect(() => {
    if (key === seen.current) return;
    const first = seen.current === undefined;
    seen.current = key;
    if (!first) void queryClient.invalidateQueries();
  }, [key, queryClient]);
}

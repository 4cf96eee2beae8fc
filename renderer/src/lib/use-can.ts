import { useQuery } from "@tanstack/react-query";
import { useCallback } from "react";
import type { Permission } from "../../../shared/permissions/permissions";
import { canWith } from "./can-helpers";
import { useTRPC } from "./trpc";

/** Who acts here (`account.access`); without an account the core answers "the local owner". */
export function useAccess() {
  const trpc = useTRPC();
  const query = useQuery(trpc.account.access.queryOptions(undefined, { staleTime: 60_000, refetchInterval: 60_000 }));
  // Remember when the answer came, to age the core's clock for delegation expiry between refreshes.
  const fetchedAt = query.dataUpdatedAt;
  const allowed = useCallback(
    (permission: Permission, locationId?: string | null) => canWith(query.data, permission, locationId, fetchedAt ? Date.now() - fetchedAt : 0),
    [query.data, fetchedAt],
  );
  return { data: query.data, can: allowed };
}

/** One permission, e.g. `useCan("finance.view")` to show money, `useCan("booking.create", locationId)`. */
export function useCan(permission: Permission, locationId?: string | null): boolean {
  return useAccess().can(permission, locationId);
}

import { skipToken, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { checkBookingInput } from "../../../shared/booking/booking-input";
import type { CheckOutcome } from "./booking-types";
import { useTRPC } from "./trpc";
import { useDebounced } from "./use-debounced";

export type CheckInput = z.input<typeof checkBookingInput>;

export interface LiveCheck {
  /** The core's verdict on exactly the current input; null while it is being asked. */
  outcome: CheckOutcome | null;
  /** The input could not even be checked (a malformed draft): the core's error. */
  error: unknown;
  checking: boolean;
}

/**
 * The core's check of a booking as it is being dragged or edited, asked once the input has been
 * still for a moment. The core is local, so the answer follows within a frame or two.
 */
export function useBookingCheck(input: CheckInput | null, debounceMs = 90): LiveCheck {
  const trpc = useTRPC();
  const settled = useDebounced(input, debounceMs);
  const query = useQuery(trpc.bookings.check.queryOptions(settled ?? skipToken, { staleTime: 2_000, gcTime: 10_000, retry: false }));
  const current = input !== null && settled !== null && JSON.stringify(input) === JSON.stringify(settled);
  if (!current) return { outcome: null, error: null, checking: input !== null };
  if (query.isError) return { outcome: null, error: query.error, checking: false };
  return { outcome: query.data ?? null, error: null, checking: query.data === undefined };
}

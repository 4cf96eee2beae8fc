import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { useUiStore } from "../../store/ui-store";
import { BookingForm } from "./BookingForm";
import type { BookingFallback, BookingPrefill } from "./booking-form-values";

interface Props {
  /** An existing booking, or null for a new one. */
  bookingId: string | null;
  prefill: BookingPrefill | null;
  /** Where and when a new booking starts when nothing was dragged. */
  fallback: BookingFallback;
  onClose(): void;
}

/** Loads what the booking form needs (the booking, the locations, the currency), then shows it. */
export function BookingDrawer({ bookingId, prefill, fallback, onClose }: Props) {
  const t = useT();
  const trpc = useTRPC();
  const detail = useQuery(trpc.bookings.get.queryOptions({ id: bookingId ?? "" }, { enabled: bookingId !== null }));
  const locations = useQuery(trpc.locations.list.queryOptions({})).data;
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency;
  const failed = bookingId !== null && detail.isError;
  useEffect(() => {
    if (!failed) return;
    useUiStore.getState().toast(t("error.NOT_FOUND"), "error");
    onClose();
  }, [failed]);
  if ((bookingId && !detail.data) || !locations || !currency) return null;
  return (
    <BookingForm
      key={bookingId ?? "new"}
      detail={bookingId ? detail.data ?? null : null}
      prefill={prefill}
      fallback={fallback}
      locations={locations}
      currency={currency}
      onClose={onClose}
    />
  );
}

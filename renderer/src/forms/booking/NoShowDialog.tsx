import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { quoteNoShow } from "../../../../shared/booking/cancellation";
import { Dialog } from "../../components/Dialog";
import { useLocale, useT } from "../../i18n";
import { basisPointsToInput } from "../../../../shared/money";
import { useBookingErrorText } from "../../lib/booking-errors";
import type { BookingDetail } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { useUiStore } from "../../store/ui-store";
import { Settlement } from "./Settlement";

/**
 * The client did not come. The core has no no-show quote query, so the figure shown is the shared
 * policy rule applied to the booking's amounts; the core applies the same rule when confirming.
 */
export function NoShowDialog({ booking, currency, onClose, onDone }: { booking: BookingDetail; currency: string; onClose(): void; onDone(): void }) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const errorText = useBookingErrorText(currency);
  const locale = useLocale();
  const settings = useQuery(trpc.bookings.settings.queryOptions()).data;
  const noShow = useMutation(trpc.bookings.noShow.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const quote = settings
    ? quoteNoShow(settings.cancellationPolicy, 0, { totalCents: booking.price.totalCents, depositCents: booking.price.depositCents, paidCents: booking.paidCents })
    : null;

  const confirm = async () => {
    setError(null);
    try {
      await noShow.mutateAsync({ id: booking.id });
      await queryClient.invalidateQueries();
      toast(t("noShow.done"));
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <Dialog
      title={t("noShow.title")}
      tone="danger"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t("common.back")}</button>
          <button type="button" className="btn danger-solid" disabled={!quote || noShow.isPending} onClick={() => void confirm()}>{t("noShow.confirm")}</button>
        </>
      }
    >
      {error && <div className="banner error" role="alert">{error}</div>}
      {quote && settings && (
        <Settlement amounts={quote} currency={currency} rule={t("noShow.rule", { pct: `${basisPointsToInput(settings.cancellationPolicy.noShowPercentBp, locale)} %` })} />
      )}
    </Dialog>
  );
}

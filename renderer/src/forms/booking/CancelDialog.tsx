import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney } from "../../../../shared/money";
import { Dialog } from "../../components/Dialog";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import type { BookingDetail } from "../../lib/booking-types";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { formatDate } from "../../lib/zoned-format";
import { useUiStore } from "../../store/ui-store";
import type { SeriesScope } from "./booking-form-values";
import { ScopeField } from "./ScopeField";
import { Settlement, useTierText } from "./Settlement";

interface Props {
  booking: BookingDetail;
  currency: string;
  onClose(): void;
  onCancelled(): void;
}

/**
 * Cancelling asks the core first what it would refund or cost under the studio's policy, shows it,
 * and confirms with that fee: if time moved the booking into another tier meanwhile, the core refuses
 * and the new figure is shown.
 */
export function CancelDialog({ booking, currency, onClose, onCancelled }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const errorText = useBookingErrorText(currency);
  const tierText = useTierText();
  const [scope, setScope] = useState<SeriesScope>("one");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const quote = useQuery(trpc.bookings.quoteCancellation.queryOptions({ id: booking.id, scope }, { staleTime: 0, gcTime: 0 }));
  const cancel = useMutation(trpc.bookings.cancel.mutationOptions());
  const q = quote.data;
  const single = q?.occurrences.length === 1 ? q.occurrences[0]!.quote : null;

  const confirm = async () => {
    if (!q) return;
    setError(null);
    try {
      const result = await cancel.mutateAsync({ id: booking.id, scope, reason: reason || null, expectedFeeCents: q.feeCents });
      await queryClient.invalidateQueries();
      toast(t("cancel.done", { n: result.bookings.length }));
      onCancelled();
    } catch (e) {
      if (appCodeOf(e) === "QUOTE_CHANGED") {
        setError(t("cancel.quoteChanged"));
        await quote.refetch();
      } else setError(errorText(e));
    }
  };

  return (
    <Dialog
      title={t("cancel.title")}
      tone="danger"
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t("cancel.keep")}</button>
          <button type="button" className="btn danger-solid" disabled={!q || cancel.isPending} onClick={() => void confirm()}>{t("cancel.confirm")}</button>
        </>
      }
    >
      {booking.seriesId && <ScopeField value={scope} onChange={setScope} label={t("series.cancelScope")} />}
      {error && <div className="banner error" role="alert">{error}</div>}
      {quote.isError && <div className="banner error" role="alert">{errorText(quote.error)}</div>}
      {!q && !quote.isError && <div className="subtle">{t("common.loading")}</div>}
      {q && (
        <Settlement
          amounts={q}
          currency={currency}
          rule={single ? tierText(single) : t("cancel.rule.series", { n: q.occurrences.length })}
        />
      )}
      {q && q.occurrences.length > 1 && (
        <ul className="occurrence-fees">
          {q.occurrences.map((o) => (
            <li key={o.bookingId}>
              <span>{formatDate(o.date, locale, "short")}</span>
              <span className="subtle">{tierText(o.quote)}</span>
              <span className="num">{formatMoney(o.quote.feeCents, currency, locale)}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="cancel-reason">{t("cancel.reason")} <span className="subtle">({t("common.optional")})</span></label>
        <input id="cancel-reason" className="input" value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
    </Dialog>
  );
}

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { BookingStatus } from "../../../../shared/booking/booking-status";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import { STATUS_TONE } from "../../lib/booking-status";
import type { BookingDetail } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { useAccess } from "../../lib/use-can";
import { useNow } from "../../lib/use-now";
import { formatDateTime } from "../../lib/zoned-format";
import { useUiStore } from "../../store/ui-store";

interface Props {
  booking: BookingDetail;
  currency: string;
  onCancel(): void;
  onNoShow(): void;
}

const ACTION_ORDER: BookingStatus[] = ["confirmed", "checked_in", "completed", "no_show", "cancelled"];

/** The booking's status and the changes the core's transition table allows from it. */
export function StatusActions({ booking, currency, onCancel, onNoShow }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const errorText = useBookingErrorText(currency);
  const now = useNow();
  const setStatus = useMutation(trpc.bookings.setStatus.mutationOptions());
  const [error, setError] = useState<string | null>(null);
  const started = now >= Date.parse(booking.startsAt);

  const change = async (status: "confirmed" | "checked_in" | "completed") => {
    setError(null);
    try {
      await setStatus.mutateAsync({ id: booking.id, status });
      await queryClient.invalidateQueries();
      toast(t(`status.done.${status}`));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const access = useAccess();
  // Cancelling (and no-show, which may charge a fee) is its own permission; the other moves are edits.
  const allowed = (s: BookingStatus) => access.can(s === "cancelled" || s === "no_show" ? "booking.cancel" : "booking.edit", booking.locationId);
  const actions = ACTION_ORDER.filter((s) => booking.nextStatuses.includes(s) && allowed(s));
  return (
    <div className="status-bar" data-testid="status-bar">
      <div className="status-now">
        <span className={`badge status ${STATUS_TONE[booking.status]}`}>{booking.holdExpired ? t("booking.holdExpired") : t(`booking.status.${booking.status}`)}</span>
        {booking.status === "hold" && booking.holdExpiresAt && (
          <span className="subtle">{t(booking.holdExpired ? "booking.holdExpiredAt" : "booking.holdExpires", { at: formatDateTime(booking.holdExpiresAt, booking.timeZone, locale) })}</span>
        )}
        {booking.cancelReason && <span className="subtle">{booking.cancelReason}</span>}
      </div>
      {actions.length > 0 && (
        <div className="status-actions" role="group" aria-label={t("status.actions")}>
          {actions.map((s) => {
            if (s === "cancelled") return <button key={s} type="button" className="btn small danger" onClick={onCancel}>{t("status.action.cancelled")}</button>;
            if (s === "no_show") {
              return (
                <button key={s} type="button" className="btn small" disabled={!started} title={started ? undefined : t("status.noShowBeforeStart")} onClick={onNoShow}>
                  {t("status.action.no_show")}
                </button>
              );
            }
            return (
              <button key={s} type="button" className={`btn small${s === "confirmed" ? " primary" : ""}`} disabled={setStatus.isPending}
                onClick={() => void change(s as "confirmed" | "checked_in" | "completed")}>
                {t(`status.action.${s as "confirmed" | "checked_in" | "completed"}`)}
              </button>
            );
          })}
        </div>
      )}
      {error && <div className="banner error full" role="alert">{error}</div>}
    </div>
  );
}

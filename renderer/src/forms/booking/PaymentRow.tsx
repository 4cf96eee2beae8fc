import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { formatMoney, parseAmountToCents } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import type { BookingDetail } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../../lib/use-can";
import { useUiStore } from "../../store/ui-store";

/** What the client has paid against the total and the deposit, and a payment received at the desk. */
export function PaymentRow({ booking, currency }: { booking: BookingDetail; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const errorText = useBookingErrorText(currency);
  const pay = useMutation(trpc.bookings.recordPayment.mutationOptions());
  const [amount, setAmount] = useState("");
  const [error, setError] = useState<string | null>(null);
  const money = (c: number) => formatMoney(c, currency, locale);
  const canRecord = useCan("payment.record", booking.locationId);
  const depositDue = Math.max(0, booking.price.depositCents - booking.paidCents);

  const record = async () => {
    const cents = parseAmountToCents(amount);
    if (cents === null || cents <= 0) {
      setError(t("v.amount"));
      return;
    }
    setError(null);
    try {
      await pay.mutateAsync({ id: booking.id, amountCents: cents });
      await queryClient.invalidateQueries();
      setAmount("");
      toast(t("payment.recorded", { amount: money(cents) }));
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="fieldset payment">
      <div className="fieldset-title">{t("payment.title")}</div>
      <div className="payment-figures">
        <span>{t("payment.paid", { paid: money(booking.paidCents), total: money(booking.price.totalCents) })}</span>
        {depositDue > 0 && <span className="badge warn">{t("payment.depositDue", { amount: money(depositDue) })}</span>}
      </div>
      {canRecord && booking.status !== "cancelled" && booking.status !== "no_show" && (
        <div className="payment-form">
          <label htmlFor={id} className="sr-only">{t("payment.amount")}</label>
          <input id={id} className="input" inputMode="decimal" placeholder={t("payment.amount")} value={amount} aria-invalid={Boolean(error)}
            onChange={(e) => setAmount(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                void record();
              }
            }} />
          <button type="button" className="btn small" disabled={pay.isPending} onClick={() => void record()}>{t("payment.record")}</button>
        </div>
      )}
      {error && <div className="error" role="alert">{error}</div>}
    </div>
  );
}

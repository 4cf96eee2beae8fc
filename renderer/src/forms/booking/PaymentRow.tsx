import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { PAYMENT_METHODS, type PaymentMethod } from "../../../../shared/documents/billing";
import { formatMoney, parseAmountToCents } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import type { BookingDetail } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { useCan } from "../../lib/use-can";
import { formatIsoDate } from "../../pages/documents/doc-helpers";
import "../../pages/documents/new-invoice.css";
import { useUiStore } from "../../store/ui-store";

/**
 * What the client has paid against the total and the deposit, and a payment received at the desk:
 * one payment row (documents.payments.recordForBooking), on the booking's open invoice if it has one,
 * so the same money shows on the invoice and the client page once.
 */
export function PaymentRow({ booking, currency }: { booking: BookingDetail; currency: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const id = useId();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const errorText = useBookingErrorText(currency);
  const pay = useMutation(trpc.documents.payments.recordForBooking.mutationOptions());
  const payments = useQuery(trpc.documents.payments.list.queryOptions({ bookingId: booking.id })).data ?? [];
  const [amount, setAmount] = useState("");
  const [method, setMethod] = useState<PaymentMethod>("card");
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
      const res = await pay.mutateAsync({ bookingId: booking.id, amountCents: cents, method });
      await queryClient.invalidateQueries();
      setAmount("");
      const onInvoice = res.payments.some((p) => p.invoiceId !== null);
      toast(t(onInvoice ? "payment.recordedOnInvoice" : "payment.recordedOnBooking", { amount: money(cents) }));
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
      {payments.length > 0 && (
        <ul className="payment-list" data-testid="booking-payments">
          {payments.map((p) => (
            <li key={p.id}>
              <span>{formatIsoDate(p.receivedOn, locale)} · {t(`pay.method.${p.method}`)} · {p.invoiceId ? (p.invoiceNumber ?? t("invoices.draftNumber")) : t("clientDocs.onAccount")}</span>
              <span className="num">{money(p.amountCents)}</span>
            </li>
          ))}
        </ul>
      )}
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
          <label htmlFor={`${id}-method`} className="sr-only">{t("pay.method")}</label>
          <select id={`${id}-method`} className="input" value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod)} data-testid="payment-method">
            {PAYMENT_METHODS.map((m) => <option key={m} value={m}>{t(`pay.method.${m}`)}</option>)}
          </select>
          <button type="button" className="btn small" disabled={pay.isPending} onClick={() => void record()}>{t("payment.record")}</button>
        </div>
      )}
      {error && <div className="error" role="alert">{error}</div>}
    </div>
  );
}

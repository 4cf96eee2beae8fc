import { useMutation } from "@tanstack/react-query";
import { useT } from "../../i18n";
import type { BookingDetail } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { useAction } from "../../lib/use-action";
import { useCan } from "../../lib/use-can";
import { useUiStore } from "../../store/ui-store";

/** In the booking drawer: a deposit or balance invoice for this session, or a contract for it. */
export function BookingDocuments({ booking }: { booking: BookingDetail }) {
  const t = useT();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const action = useAction();
  const fromBookings = useMutation(trpc.documents.invoices.fromBookings.mutationOptions());
  const canInvoice = useCan("invoice.issue", booking.locationId);
  const canContract = useCan("contract.create", booking.locationId);
  // Documents are made out to a client: a booking without one has none.
  if ((!canInvoice && !canContract) || !booking.clientId) return null;

  const invoice = async (purpose: "deposit" | "balance") => {
    let id: string | null = null;
    const ok = await action.run(async () => { id = (await fromBookings.mutateAsync({ bookingIds: [booking.id], purpose })).id; }, t("docs.invoiceCreated"));
    if (ok && id) navigate({ page: "invoices", open: id });
  };

  return (
    <div className="fieldset" data-testid="booking-documents">
      <div className="fieldset-title">{t("docs.fromBooking")}</div>
      <div className="doc-actions">
        {canContract && <button type="button" className="btn small" onClick={() => navigate({ page: "contracts", open: `booking:${booking.id}` })}>{t("docs.contract")}</button>}
        {canInvoice && booking.price.depositCents > 0 && (
          <button type="button" className="btn small" disabled={fromBookings.isPending} onClick={() => void invoice("deposit")}>{t("docs.depositInvoice")}</button>
        )}
        {canInvoice && <button type="button" className="btn small" disabled={fromBookings.isPending} onClick={() => void invoice("balance")}>{t("docs.balanceInvoice")}</button>}
      </div>
      {action.error && <div className="error" role="alert">{action.error}</div>}
    </div>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { OccurrenceSummary } from "../../forms/booking/FailureList";
import { ScopeField } from "../../forms/booking/ScopeField";
import type { SeriesScope } from "../../forms/booking/booking-form-values";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import type { CalendarBooking } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { formatDateTime } from "../../lib/zoned-format";
import { Dialog } from "../Dialog";

export interface MoveRequest {
  booking: CalendarBooking;
  startMs: number;
  endMs: number;
  roomIds: string[];
}

interface Props {
  request: MoveRequest;
  timeZone: string;
  currency: string;
  onConfirm(scope: SeriesScope): void;
  onClose(): void;
}

/** A dragged occurrence of a series: this one, the following ones or all, each date checked by the core first. */
export function SeriesMoveDialog({ request, timeZone, currency, onConfirm, onClose }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const errorText = useBookingErrorText(currency);
  const [scope, setScope] = useState<SeriesScope>("one");
  const input = {
    id: request.booking.id, startsAt: new Date(request.startMs).toISOString(), endsAt: new Date(request.endMs).toISOString(), roomIds: request.roomIds, scope,
  };
  const check = useQuery(trpc.bookings.checkMove.queryOptions(input, { staleTime: 0, retry: false }));
  const blocked = !check.data || !check.data.ok;
  return (
    <Dialog
      title={t("series.moveTitle")}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t("common.cancel")}</button>
          <button type="button" className="btn primary" disabled={blocked} onClick={() => onConfirm(scope)}>{t("series.moveConfirm")}</button>
        </>
      }
    >
      <p className="muted">{t("series.moveTo", { when: formatDateTime(request.startMs, timeZone, locale) })}</p>
      <ScopeField value={scope} onChange={setScope} label={t("series.moveScope")} />
      {check.isError && <div className="banner error" role="alert">{errorText(check.error)}</div>}
      {check.data && <OccurrenceSummary occurrences={check.data.occurrences} currency={currency} timeZone={timeZone} />}
    </Dialog>
  );
}

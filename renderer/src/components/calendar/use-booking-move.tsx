import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { SeriesScope } from "../../forms/booking/booking-form-values";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import { useTRPC } from "../../lib/trpc";
import { formatTime } from "../../lib/zoned-format";
import { useUiStore } from "../../store/ui-store";
import { SeriesMoveDialog, type MoveRequest } from "./SeriesMoveDialog";

/**
 * Applies a drop: nothing when the core's live check already refused it (the reason is said
 * instead), otherwise the move, which the core checks again; an occurrence of a series first asks
 * which occurrences to move. The calendar only changes once the core has accepted.
 */
export function useBookingMove(currency: string, zoneOf: (locationId: string) => string) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const errorText = useBookingErrorText(currency);
  const move = useMutation(trpc.bookings.move.mutationOptions());
  const [pending, setPending] = useState<MoveRequest | null>(null);

  const run = async (req: MoveRequest, scope?: SeriesScope) => {
    try {
      const result = await move.mutateAsync({
        id: req.booking.id, startsAt: new Date(req.startMs).toISOString(), endsAt: new Date(req.endMs).toISOString(), roomIds: req.roomIds, scope,
      });
      await queryClient.invalidateQueries();
      const tz = zoneOf(req.booking.locationId);
      toast(result.bookings.length > 1
        ? t("series.moved", { n: result.bookings.length })
        : t("calendar.moved", { from: formatTime(req.startMs, tz, locale), to: formatTime(req.endMs, tz, locale) }));
    } catch (error) {
      toast(t("calendar.moveRefused", { reason: errorText(error) }), "error");
    }
  };

  const request = (req: MoveRequest, refused: string | null) => {
    if (refused) {
      toast(t("calendar.moveRefused", { reason: refused }), "error");
      return;
    }
    if (req.booking.seriesId) setPending(req);
    else void run(req);
  };

  const dialog = pending ? (
    <SeriesMoveDialog
      request={pending}
      timeZone={zoneOf(pending.booking.locationId)}
      currency={currency}
      onClose={() => setPending(null)}
      onConfirm={(scope) => {
        setPending(null);
        void run(pending, scope);
      }}
    />
  ) : null;

  return { request, dialog };
}

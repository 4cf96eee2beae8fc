import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FieldErrors } from "../../../../shared/errors";
import { useT } from "../../i18n";
import { refusalOf, type Refusal } from "../../lib/booking-errors";
import { useFailureText } from "../../lib/booking-failures";
import type { BookingDetail, BookingFailure } from "../../lib/booking-types";
import { appCodeOf, fieldErrorsOf, useTRPC } from "../../lib/trpc";
import { useUiStore } from "../../store/ui-store";
import { MOVE_FIELDS, changedFields, type BookingFormValues, type DraftInput } from "./booking-form-values";

interface SaveRequest {
  detail: BookingDetail | null;
  values: BookingFormValues;
  draft: DraftInput;
  /** Set when a new booking repeats. */
  rrule: string | null;
  /** An occurrence of a series whose time or rooms changed, applied to more than itself. */
  seriesMove: boolean;
  /** The person may write the notes only (an engineer): the patch carries nothing else, which booking.notes allows. */
  notesOnly?: boolean;
}


/**
 * Saves the drawer: create (or a weekly series), edit, or move several occurrences of a series and
 * then edit this one. A refusal keeps the drawer open with every failing rule named.
 */
export function useBookingSave(currency: string, onSaved: () => void) {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const failureText = useFailureText(currency);
  const create = useMutation(trpc.bookings.create.mutationOptions());
  const createSeries = useMutation(trpc.bookings.createSeries.mutationOptions());
  const update = useMutation(trpc.bookings.update.mutationOptions());
  const move = useMutation(trpc.bookings.move.mutationOptions());
  const [saving, setSaving] = useState(false);
  const [banner, setBanner] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const warn = (warnings: BookingFailure[]) => {
    for (const w of warnings) toast(failureText(w), "error");
  };

  const save = async ({ detail, values, draft, rrule, seriesMove, notesOnly }: SaveRequest) => {
    setSaving(true);
    setBanner(null);
    setRefusal(null);
    setServerErrors({});
    const overridePast = values.overridePast || undefined;
    try {
      if (!detail) {
        const input = { ...draft, status: values.hold ? ("hold" as const) : ("confirmed" as const), overridePast };
        if (rrule) {
          const result = await createSeries.mutateAsync({ ...input, rrule, skipFailing: values.skipFailing || undefined });
          toast(t("series.created", { n: result.bookings.length, skipped: result.skipped.length }));
        } else {
          const result = await create.mutateAsync(input);
          toast(t("booking.created"));
          warn(result.warnings);
        }
      } else if (seriesMove) {
        const moved = await move.mutateAsync({ id: detail.id, startsAt: draft.startsAt, endsAt: draft.endsAt, roomIds: draft.roomIds, scope: values.scope, overridePast });
        // The other fields (client, staff, notes…) change on this occurrence only, and only if the person changed them.
        if ([...changedFields(draft, detail)].some((f) => !MOVE_FIELDS.includes(f))) {
          const { startsAt: _s, endsAt: _e, roomIds: _r, locationId: _l, ...rest } = draft;
          await update.mutateAsync({ id: detail.id, patch: rest, overridePast });
        }
        toast(t("series.moved", { n: moved.bookings.length }));
        warn(moved.warnings);
      } else {
        const result = await update.mutateAsync({ id: detail.id, patch: notesOnly ? { notes: draft.notes } : draft, overridePast });
        toast(t("common.saved"));
        warn(result.warnings);
      }
      await queryClient.invalidateQueries();
      onSaved();
    } catch (error) {
      const refused = refusalOf(error);
      if (refused) {
        setRefusal(refused);
        setBanner(t("booking.notSaved"));
      } else {
        setServerErrors(fieldErrorsOf(error));
        setBanner(t(`error.${appCodeOf(error)}`));
      }
    } finally {
      setSaving(false);
    }
  };

  return { save, saving, banner, setBanner, refusal, serverErrors };
}

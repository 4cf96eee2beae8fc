import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useLocale, useT } from "../../i18n";
import { refusalOf } from "../../lib/booking-errors";
import { useFailureText } from "../../lib/booking-failures";
import { STATUS_TONE } from "../../lib/booking-status";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { formatDayOf, formatTime } from "../../lib/zoned-format";
import { useUiStore } from "../../store/ui-store";
import type { ConflictItem } from "./inbox-types";

interface Props {
  item: ConflictItem;
  timeZone: string;
  currency: string;
  onOpen(id: string): void;
  onCancel(id: string): void;
}

/** A booking sync kept as "conflict": who, when, where, what took its place, and the ways out. */
export function ConflictCard({ item, timeZone, currency, onOpen, onCancel }: Props) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const { booking: b, failures } = item;
  const failureText = useFailureText(currency, { startMs: Date.parse(b.startsAt), endMs: Date.parse(b.endsAt), timeZone });
  const setStatus = useMutation(trpc.bookings.setStatus.mutationOptions());
  const [error, setError] = useState<string | null>(null);

  // The core checks the rules again: still in the way → its refusal names what, here.
  const reconfirm = async () => {
    setError(null);
    try {
      await setStatus.mutateAsync({ id: b.id, status: "confirmed" });
      await queryClient.invalidateQueries();
      toast(t("status.done.confirmed"));
    } catch (e) {
      const refusal = refusalOf(e);
      setError(refusal?.failures.length
        ? t("inbox.stillInTheWay", { reasons: refusal.failures.map(failureText).join(" · ") })
        : t(`error.${appCodeOf(e)}`));
    }
  };

  const title = b.title && b.title !== b.label ? b.title : null;
  return (
    <article className="inbox-card" data-testid="conflict" aria-label={b.label || t("booking.untitled")}>
      <div className="inbox-card-head">
        <div>
          <div className="cell-main">{b.label || t("booking.untitled")}</div>
          <div className="cell-sub">{[title, b.projectName, b.clientName && b.clientName !== b.label ? b.clientName : null].filter(Boolean).join(" · ")}</div>
        </div>
        <span className={`badge status ${STATUS_TONE.conflict}`}>{t("booking.status.conflict")}</span>
      </div>
      <div className="inbox-when">
        <span>{formatDayOf(b.startsAt, timeZone, locale)} · {formatTime(b.startsAt, timeZone, locale)}–{formatTime(b.endsAt, timeZone, locale)}</span>
        <span>{b.rooms.map((r) => <span key={r.id} className="room-tag"><span className="swatch" style={{ background: r.colour }} />{r.name}</span>)}</span>
        <span className="subtle">{b.locationName}</span>
      </div>
      {failures.length > 0 ? (
        <div className="banner warn">
          <strong>{t("inbox.inTheWay")}</strong>
          <ul>{failures.map((f, i) => <li key={i}>{failureText(f)}</li>)}</ul>
        </div>
      ) : (
        <div className="banner info">{t("inbox.nothingInTheWay")}</div>
      )}
      {error && <div className="banner error" role="alert">{error}</div>}
      <div className="inbox-actions">
        <button type="button" className="btn small" onClick={() => onOpen(b.id)}>{t("inbox.move")}</button>
        <button type="button" className="btn small primary" disabled={setStatus.isPending} onClick={() => void reconfirm()}>{t("inbox.reconfirm")}</button>
        <button type="button" className="btn small danger" onClick={() => onCancel(b.id)}>{t("inbox.cancel")}</button>
      </div>
    </article>
  );
}

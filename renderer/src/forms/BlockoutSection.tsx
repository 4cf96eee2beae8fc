import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { addDays, wallDate, zonedToInstant } from "../../../shared/zoned-time";
import { useLocale, useT } from "../i18n";
import { appCodeOf, useTRPC } from "../lib/trpc";
import { formatDate } from "../lib/zoned-format";

type Kind = "timeOff" | "maintenance";

/**
 * Whole days when a person is away or a piece of gear is in maintenance: the booking rules refuse
 * those days. Entered as calendar dates of the location's zone (first day to last day, inclusive).
 */
export function BlockoutSection({ kind, ownerId, timeZone }: { kind: Kind; ownerId: string; timeZone: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const timeOff = useQuery(trpc.bookings.timeOff.list.queryOptions({ staffId: ownerId }, { enabled: kind === "timeOff" })).data;
  const maintenance = useQuery(trpc.bookings.maintenance.list.queryOptions({ equipmentId: ownerId }, { enabled: kind === "maintenance" })).data;
  const list: { id: string; startsAt: string; endsAt: string; reason: string | null }[] = (kind === "timeOff" ? timeOff : maintenance) ?? [];
  const addTimeOff = useMutation(trpc.bookings.timeOff.add.mutationOptions());
  const addMaintenance = useMutation(trpc.bookings.maintenance.add.mutationOptions());
  const removeTimeOff = useMutation(trpc.bookings.timeOff.remove.mutationOptions());
  const removeMaintenance = useMutation(trpc.bookings.maintenance.remove.mutationOptions());
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await queryClient.invalidateQueries();
      return true;
    } catch (e) {
      setError(t(`error.${appCodeOf(e)}`));
      return false;
    }
  };

  const add = async () => {
    if (!from || !to || to < from) {
      setError(t(!from || !to ? "v.date" : "v.closureOrder"));
      return;
    }
    const span = {
      startsAt: new Date(zonedToInstant(timeZone, from, 0)).toISOString(),
      endsAt: new Date(zonedToInstant(timeZone, addDays(to, 1), 0)).toISOString(),
      reason,
    };
    const done = await run(() =>
      kind === "timeOff" ? addTimeOff.mutateAsync({ staffId: ownerId, ...span }) : addMaintenance.mutateAsync({ equipmentId: ownerId, ...span }),
    );
    if (done) {
      setFrom("");
      setTo("");
      setReason("");
    }
  };

  // The stored end is the start of the day after the last day.
  const lastDay = (endsAt: string) => wallDate(timeZone, Date.parse(endsAt) - 1);
  const title = kind === "timeOff" ? t("blockout.timeOff") : t("blockout.maintenance");
  return (
    <div className="fieldset" data-testid={`blockouts-${kind}`}>
      <div className="fieldset-title">{title}</div>
      {list.length === 0 && <div className="subtle">{kind === "timeOff" ? t("blockout.noneTimeOff") : t("blockout.noneMaintenance")}</div>}
      {list.map((entry) => (
        <div key={entry.id} className="blockout-row">
          <span>
            {t("blockout.span", {
              from: formatDate(wallDate(timeZone, Date.parse(entry.startsAt)), locale, "short"),
              to: formatDate(lastDay(entry.endsAt), locale, "short"),
            })}
            {entry.reason && <span className="muted"> · {entry.reason}</span>}
          </span>
          <button type="button" className="btn ghost small"
            onClick={() => void run(() => (kind === "timeOff" ? removeTimeOff : removeMaintenance).mutateAsync({ id: entry.id }))}>
            {t("locations.removeSpan")}
          </button>
        </div>
      ))}
      <div className="closure-row" onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); void add(); } }}>
        <input className="input" type="date" aria-label={t("blockout.from")} value={from} onChange={(e) => setFrom(e.target.value)} />
        <input className="input" type="date" aria-label={t("blockout.to")} value={to} onChange={(e) => setTo(e.target.value)} />
        <input className="input" placeholder={t("locations.closureReason")} aria-label={t("locations.closureReason")} value={reason} onChange={(e) => setReason(e.target.value)} />
        <button type="button" className="btn small" onClick={() => void add()}>{t("blockout.add")}</button>
      </div>
      {error && <div className="error" role="alert">{error}</div>}
    </div>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import { useTRPC } from "../../lib/trpc";
import { formatDateTime, formatTime } from "../../lib/zoned-format";
import { useUiStore } from "../../store/ui-store";
import "./new-invoice.css";

type Tab = "upcoming" | "past";

/** In the client drawer: their sessions, upcoming and past, on each location's clock; amounts only for those who may see money. */
export function ClientSessions({ clientId }: { clientId: string }) {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const [tab, setTab] = useState<Tab>("upcoming");
  const data = useQuery(trpc.documents.clients.sessions.queryOptions({ clientId })).data;
  if (!data) return null;
  const rows = data[tab];
  return (
    <div className="fieldset client-activity" data-testid="client-sessions">
      <div className="fieldset-title">{t("clientDocs.sessions")}</div>
      <div className="doc-filters" role="group" aria-label={t("clientDocs.sessions")}>
        {(["upcoming", "past"] as const).map((k) => (
          <button key={k} type="button" className="btn small" aria-pressed={tab === k} onClick={() => setTab(k)}>
            {t(`clientDocs.sessions.${k}`, { n: data[k].length })}
          </button>
        ))}
      </div>
      {rows.length === 0 ? <div className="muted">{t(`clientDocs.sessions.none.${tab}`)}</div> : (
        <table className="doc-lines">
          <thead>
            <tr>
              <th>{t("clientDocs.sessions.when")}</th>
              <th>{t("clientDocs.sessions.room")}</th>
              <th>{t("clientDocs.sessions.status")}</th>
              <th className="num">{t("clientDocs.sessions.amount")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id} data-testid="client-session">
                <td>
                  <button type="button" className="link" onClick={() => navigate({ page: "bookings", open: s.id })}>
                    {formatDateTime(s.startsAt, s.timeZone, locale)}–{formatTime(s.endsAt, s.timeZone, locale)}
                  </button>
                  {(s.title || s.projectName) && <div className="subtle">{[s.title, s.projectName].filter(Boolean).join(" · ")}</div>}
                </td>
                <td>{s.rooms.join(", ")}<div className="subtle">{s.locationName}</div></td>
                <td className="nowrap"><span className="badge">{t(`booking.status.${s.status}`)}</span></td>
                <td className="num nowrap">
                  {s.totalCents === null ? "—" : formatMoney(s.totalCents, s.currency, locale)}
                  {s.paidCents !== null && s.totalCents !== null && s.paidCents > 0 && (
                    <div className="subtle">{t("clientDocs.sessions.paid", { amount: formatMoney(s.paidCents, s.currency, locale) })}</div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

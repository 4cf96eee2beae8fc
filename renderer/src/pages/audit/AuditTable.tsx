import type { AuditEntry } from "../../../../shared/schemas/team";
import { useLocale, useT } from "../../i18n";
import { codeText, fieldChanges, fieldLabel, valueText } from "../../lib/audit-text";

/** Audit events, newest first: when, who (and from which device), what, and each field before → after. */
export function AuditTable({ events }: { events: AuditEntry[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="data audit" aria-label={t("audit.title")}>
        <thead>
          <tr><th>{t("audit.col.when")}</th><th>{t("audit.col.who")}</th><th>{t("audit.col.what")}</th><th>{t("audit.col.details")}</th></tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-testid="audit-event" data-action={e.action}>
              <td className="nowrap">{new Date(e.at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "medium" })}</td>
              <td>
                <div className="cell-main">{e.userName ?? t("audit.system")}</div>
                {e.deviceId && <div className="cell-sub">{t("audit.device", { id: e.deviceId.slice(-8) })}</div>}
              </td>
              <td>
                <span className={`badge ${e.kind === "security" ? "warn" : "accent"}`}>{codeText(t, "audit.action", e.action)}</span>
                {e.entity && <div className="cell-sub">{codeText(t, "audit.entity", e.entity)}</div>}
              </td>
              <td><AuditDetails entry={e} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditDetails({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const empty = t("audit.empty.value");
  const changes = fieldChanges(entry.before, entry.after);
  const details = Object.entries(entry.details ?? {}).filter(([, v]) => valueText(v) !== null);
  return (
    <ul className="audit-changes">
      {changes.map((c) => (
        <li key={c.field}>
          <span className="audit-field">{fieldLabel(c.field)}</span>{" "}
          {entry.before === null ? <span>{c.after ?? empty}</span> : entry.after === null ? <del>{c.before ?? empty}</del> : (
            <><del>{c.before ?? empty}</del> → <ins>{c.after ?? empty}</ins></>
          )}
        </li>
      ))}
      {details.map(([k, v]) => <li key={k}><span className="audit-field">{fieldLabel(k)}</span> {valueText(v)}</li>)}
      {entry.ip && <li className="subtle">IP {entry.ip}</li>}
    </ul>
  );
}

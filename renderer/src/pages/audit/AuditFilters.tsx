import type { AuditFilter, MemberSummary } from "../../../../shared/schemas/team";
import { useT } from "../../i18n";
import { codeText } from "../../lib/audit-text";

export interface AuditFilterValues {
  /** Local dates ("2026-11-25"), both days included. */
  from: string;
  to: string;
  userId: string;
  entity: string;
  kind: "" | "change" | "security";
}

/** Entities the log names, for the filter (a newer server's other entities still show in the list). */
const ENTITIES = ["booking", "client", "room", "equipment", "staff", "location", "studio", "invitation", "user", "device", "delegation"] as const;

/** The filter as the server takes it: local days become instants, "to" includes its whole day. */
export function filterInput(v: AuditFilterValues): AuditFilter {
  const day = (date: string, plusDays: number) => {
    const d = new Date(`${date}T00:00`);
    d.setDate(d.getDate() + plusDays);
    return d.toISOString();
  };
  return {
    ...(v.from ? { from: day(v.from, 0) } : {}),
    ...(v.to ? { to: day(v.to, 1) } : {}),
    ...(v.userId ? { userId: v.userId } : {}),
    ...(v.entity ? { entity: v.entity } : {}),
    ...(v.kind ? { kind: v.kind } : {}),
  };
}

interface Props {
  values: AuditFilterValues;
  onChange(next: AuditFilterValues): void;
  members: MemberSummary[];
}

export function AuditFilters({ values: v, onChange, members }: Props) {
  const t = useT();
  const set = <K extends keyof AuditFilterValues>(k: K, value: AuditFilterValues[K]) => onChange({ ...v, [k]: value });
  return (
    <div className="toolbar filters audit-filters">
      <label className="filter-field">{t("audit.from")}<input className="input" type="date" value={v.from} onChange={(e) => set("from", e.target.value)} /></label>
      <label className="filter-field">{t("audit.to")}<input className="input" type="date" value={v.to} onChange={(e) => set("to", e.target.value)} /></label>
      {members.length > 0 && (
        <label className="filter-field">{t("audit.person")}
          <select className="input" value={v.userId} onChange={(e) => set("userId", e.target.value)}>
            <option value="">{t("audit.anyone")}</option>
            {members.map((m) => <option key={m.userId} value={m.userId}>{m.name}</option>)}
          </select>
        </label>
      )}
      <label className="filter-field">{t("audit.entity")}
        <select className="input" value={v.entity} onChange={(e) => set("entity", e.target.value)}>
          <option value="">{t("audit.anyEntity")}</option>
          {ENTITIES.map((e) => <option key={e} value={e}>{codeText(t, "audit.entity", e)}</option>)}
        </select>
      </label>
      <div className="segmented" role="group" aria-label={t("audit.kind")}>
        {(["", "change", "security"] as const).map((k) => (
          <button key={k || "all"} type="button" aria-pressed={v.kind === k} onClick={() => set("kind", k)}>{t(k ? `audit.kind.${k}` : "audit.kind.all")}</button>
        ))}
      </div>
    </div>
  );
}

import type { PlanUsage } from "../../../../shared/billing/usage";
import { useT } from "../../i18n";
import type { Meter } from "./plan-helpers";

/** One bar per limit: how much is used, the limit, and a warning from 80 % (full and over said in words). */
export function UsageMeters({ meters, title }: { meters: { usage: keyof PlanUsage; meter: Meter }[]; title: string }) {
  const t = useT();
  const anyLimit = meters.some((m) => m.meter.level !== "ok");
  return (
    <div className="fieldset usage-meters" data-testid="usage-meters">
      <h3>{title}</h3>
      <ul className="meter-list">
        {meters.map(({ usage, meter }) => {
          const label = t(`billing.usage.${usage}`);
          return (
            <li key={usage} className={`meter-row level-${meter.level}`} data-testid={`meter-${usage}`} data-level={meter.level}>
              <span className="meter-label">{label}</span>
              {meter.max === null ? (
                <span className="meter-bar unlimited" aria-hidden="true" />
              ) : (
                <span className="meter-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={meter.max} aria-valuenow={meter.used}>
                  <span className="meter-fill" style={{ width: `${Math.round((meter.ratio ?? 0) * 100)}%` }} />
                </span>
              )}
              <span className="meter-count">
                {meter.max === null ? t("billing.meter.unlimited", { used: meter.used }) : t("billing.meter.of", { used: meter.used, max: meter.max })}
              </span>
              {meter.level !== "ok" && <span className={`meter-note ${meter.level}`}>{t(`billing.meter.${meter.level}`)}</span>}
            </li>
          );
        })}
      </ul>
      {anyLimit && <p className="hint" style={{ margin: 0 }}>{t("billing.limitHint")}</p>}
    </div>
  );
}

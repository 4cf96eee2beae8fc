import type { SaasMetrics } from "../../../shared/billing/saas-metrics";
import { formatMoney } from "../../../shared/money";
import { fill, operatorText, type OperatorLanguage, type OperatorText } from "./operator-page-text";

export interface OperatorPageView {
  lang: OperatorLanguage;
  from: string;
  to: string;
  /** Echoed into the password field so another range needs no retyping (the page is never cached). */
  token: string;
  metrics: SaasMetrics | null;
  error: string | null;
}

/** Attributes are always double-quoted, so a quote and the markup characters are enough to escape. */
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Text for the page: escaped, and in French a non-breaking space before : ; ? ! as French typesetting wants. */
function txt(lang: OperatorLanguage, s: string): string {
  const escaped = esc(s);
  return lang === "fr" ? escaped.replace(/ ([:;?!])/g, "\u00a0$1") : escaped;
}

function fmt(lang: OperatorLanguage) {
  const locale = lang === "fr" ? "fr-FR" : "en-GB";
  const pct = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const int = new Intl.NumberFormat(locale);
  const monthName = new Intl.DateTimeFormat(locale, { month: "short", year: "numeric", timeZone: "UTC" });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return {
    money: (cents: number) => formatMoney(cents, "EUR", locale),
    pct: (rate: number | null) => (rate === null ? "—" : pct.format(rate)),
    int: (n: number) => int.format(n),
    month: (m: string) => monthName.format(new Date(`${m}-01T00:00:00Z`)),
    instant: (ms: number) => `${day.format(new Date(ms))} UTC`,
  };
}

/** A horizontal bar, its width the share of `max`. */
const bar = (value: number, max: number, cls = "") =>
  `<span class="bar ${cls}"><span style="width:${max > 0 ? Math.max(value > 0 ? 1 : 0, Math.round((value / max) * 100)) : 0}%"></span></span>`;

/** A figure; `wordy`: a sentence in place of a number (LTV not defined), set smaller. */
function kpi(label: string, value: string, hint: string, id: string, wordy = false): string {
  return `<div class="kpi" data-kpi="${id}"><div class="kpi-label">${label}</div><div class="kpi-value${wordy ? " wordy" : ""}">${value}</div><div class="kpi-hint">${hint}</div></div>`;
}

function dashboard(lang: OperatorLanguage, t: OperatorText, m: SaasMetrics): string {
  const f = fmt(lang);
  const T = (s: string, v: Record<string, string | number> = {}) => txt(lang, fill(s, v));
  const churned = m.months.reduce((s, x) => s + x.churned, 0);
  const exposed = m.months.reduce((s, x) => s + x.payingAtStart, 0);
  const lost = m.months.reduce((s, x) => s + x.lostMrrCents, 0);
  const startMrr = m.months.reduce((s, x) => s + x.mrrAtStartCents, 0);
  const ltv = m.ltv.cents !== null ? f.money(m.ltv.cents) : T(m.ltv.reason === "no_churn" ? t.ltvNoChurn : t.ltvNoPaying);
  const kpis = [
    kpi(T(t.mrr), f.money(m.revenue.mrrCents), T(t.mrrHint), "mrr"),
    kpi(T(t.arr), f.money(m.revenue.arrCents), T(t.arrHint), "arr"),
    kpi(T(t.paying), f.int(m.revenue.paying), m.ltv.arpaCents !== null ? `${T(t.arpa)} ${f.money(m.ltv.arpaCents)}` : "", "paying"),
    kpi(T(t.ltv), ltv, T(t.ltvHint), "ltv", m.ltv.cents === null),
    kpi(T(t.churn), f.pct(exposed ? churned / exposed : null), T(t.churnHint, { churned: f.int(churned), exposed: f.int(exposed) }), "churn"),
    kpi(T(t.revenueChurn), f.pct(startMrr ? lost / startMrr : null), T(t.revenueChurnHint, { lost: f.money(lost) }), "revenue-churn"),
    kpi(T(t.trialConversion), f.pct(m.trialConversion.rate), m.trialConversion.ended ? T(t.trialHint, { converted: m.trialConversion.converted, ended: m.trialConversion.ended }) : T(t.noTrials), "trials"),
  ].join("");

  const s = m.studios;
  const plans: [string, number, string][] = [
    [t.free, s.free, "free"], [t.trial, s.trial, "trial"], [t.proMonth, s.pro.month, "pro"], [t.proYear, s.pro.year, "pro"],
    [t.enterpriseMonth, s.enterprise.month, "ent"], [t.enterpriseYear, s.enterprise.year, "ent"],
  ];
  const planMax = Math.max(...plans.map((p) => p[1]));
  const planRows = plans.map(([label, n, cls]) => `<tr><th>${T(label)}</th><td class="num">${f.int(n)}</td><td class="wide">${bar(n, planMax, cls)}</td></tr>`).join("");

  const mrrMax = Math.max(0, ...m.months.map((x) => x.mrrAtEndCents));
  const monthRows = m.months.map((x) => `<tr><th>${esc(f.month(x.month))}</th><td class="num">${f.money(x.mrrAtEndCents)}</td><td class="wide">${bar(x.mrrAtEndCents, mrrMax)}</td>
    <td class="num">${f.int(x.payingAtStart)}</td><td class="num">${f.int(x.churned)}</td><td class="num">${f.pct(x.churnRate)}</td><td class="num">${f.money(x.lostMrrCents)}</td><td class="num">${f.pct(x.revenueChurnRate)}</td></tr>`).join("");

  const ages = Math.max(0, ...m.cohorts.map((c) => c.paying.length));
  const cohortHead = Array.from({ length: ages }, (_, k) => `<th class="num">${k}</th>`).join("");
  const cohortRows = m.cohorts.map((c) => {
    const cells = Array.from({ length: ages }, (_, k) => {
      const n = c.paying[k];
      // No sign-ups that month: nothing to follow, rather than a row of 0 %.
      if (n === undefined || c.size === 0) return `<td class="empty"></td>`;
      const share = c.size ? n / c.size : 0;
      return `<td class="cell num" style="background:rgba(37,99,235,${(0.08 + share * 0.6).toFixed(2)})" title="${f.int(n)} / ${f.int(c.size)}">${f.pct(share)}<small>${f.int(n)}</small></td>`;
    }).join("");
    return `<tr${c.size === 0 ? ' class="none"' : ""}><th>${esc(f.month(c.month))}</th><td class="num">${f.int(c.size)}</td>${cells}</tr>`;
  }).join("");

  return `
  <p class="asof">${T(t.asOf, { date: f.instant(m.asOf) })}</p>
  <section class="kpis">${kpis}</section>
  <section><h2>${T(t.byPlan)}</h2><table class="plans">${planRows}</table>
    <p class="foot">${T(t.planFootnote, { total: f.int(s.total), dedicated: f.int(s.dedicated), pastDue: f.int(s.pastDue) })}</p></section>
  <section><h2>${T(t.months)}</h2><table class="months"><thead><tr><th>${T(t.month)}</th><th class="num" colspan="2">${T(t.mrrEnd)}</th><th class="num">${T(t.payingStart)}</th>
    <th class="num">${T(t.churned)}</th><th class="num">${T(t.churnRate)}</th><th class="num">${T(t.lostMrr)}</th><th class="num">${T(t.revenueChurnRate)}</th></tr></thead><tbody>${monthRows}</tbody></table></section>
  <section><h2>${T(t.cohorts)}</h2><p class="foot">${T(t.cohortsHint)}</p>
    <table class="cohorts"><thead><tr><th>${T(t.month)}</th><th class="num">${T(t.signUps)}</th>${cohortHead}</tr></thead><tbody>${cohortRows}</tbody></table></section>`;
}

const STYLE = `
  body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111827;background:#f3f4f6}
  header{background:#111827;color:#fff;padding:16px 28px}header h1{margin:0;font-size:20px}header p{margin:2px 0 0;color:#9ca3af}
  main{padding:20px 28px;max-width:1200px}
  form{display:flex;gap:12px;align-items:flex-end;flex-wrap:wrap;background:#fff;padding:14px 16px;border-radius:8px;box-shadow:0 1px 2px #0001}
  label{display:flex;flex-direction:column;font-size:12px;color:#4b5563;gap:4px}
  input{font:inherit;padding:6px 8px;border:1px solid #d1d5db;border-radius:6px}input[type=password]{width:320px}
  button{font:inherit;padding:7px 16px;border:0;border-radius:6px;background:#2563eb;color:#fff;cursor:pointer}
  .error{background:#fef2f2;color:#991b1b;border:1px solid #fecaca;padding:10px 14px;border-radius:8px;margin-top:14px}
  .asof{color:#6b7280;margin:16px 0 8px}
  .kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:12px}
  .kpi{background:#fff;border-radius:8px;padding:12px 14px;box-shadow:0 1px 2px #0001}
  .kpi-label{font-size:12px;color:#6b7280;text-transform:uppercase;letter-spacing:.04em}.kpi-value{font-size:22px;font-weight:600;margin:2px 0}.kpi-value.wordy{font-size:14px;font-weight:500;padding:5px 0}
  .kpi-hint{font-size:12px;color:#6b7280}
  section{margin-top:22px}h2{font-size:16px;margin:0 0 8px}
  table{border-collapse:collapse;background:#fff;border-radius:8px;box-shadow:0 1px 2px #0001}
  th,td{padding:6px 10px;border-bottom:1px solid #f3f4f6;text-align:left;white-space:nowrap}.num{text-align:right;font-variant-numeric:tabular-nums}
  td.wide{width:260px}.bar{display:inline-block;width:240px;height:10px;background:#eef2ff;border-radius:5px;overflow:hidden;vertical-align:middle}
  .bar span{display:block;height:100%;background:#2563eb}.bar.free span{background:#9ca3af}.bar.trial span{background:#f59e0b}.bar.ent span{background:#7c3aed}
  .foot{color:#6b7280;font-size:12px;margin:6px 0}
  .cohorts td.cell,.cohorts thead th.num,.cohorts td.empty{min-width:54px}.cohorts td.cell{color:#0f172a}.cohorts small{display:block;font-size:10px;color:#475569}.cohorts td.empty{background:#fafafa}.cohorts tr.none th,.cohorts tr.none td{color:#9ca3af}
`;

/** The whole page: the token and range form, then the error or the figures. */
export function renderOperatorPage(view: OperatorPageView): string {
  const t = operatorText(view.lang);
  const T = (s: string) => txt(view.lang, s);
  return `<!doctype html>
<html lang="${view.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${T(t.title)} — Recording Studio Manager</title><style>${STYLE}</style></head>
<body><header><h1>${T(t.title)}</h1><p>${T(t.subtitle)}</p></header><main>
<form method="post" action="/operator">
  <label>${T(t.token)}<input type="password" name="token" autocomplete="current-password" required value="${esc(view.token)}"></label>
  <label>${T(t.from)}<input type="month" name="from" required value="${esc(view.from)}"></label>
  <label>${T(t.to)}<input type="month" name="to" required value="${esc(view.to)}"></label>
  <button type="submit">${T(t.show)}</button>
</form>
${view.error ? `<div class="error" role="alert">${T(view.error)}</div>` : ""}
${view.metrics ? dashboard(view.lang, t, view.metrics) : ""}
</main></body></html>`;
}

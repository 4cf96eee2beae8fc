import { basisPointsToInput, formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";

interface Amounts {
  totalCents: number;
  depositCents: number;
  paidCents: number;
  feeCents: number;
  refundCents: number;
  owedCents: number;
}

/** What a cancellation or a no-show settles: the fee kept, then what is given back or still owed. */
export function Settlement({ amounts: a, currency, rule }: { amounts: Amounts; currency: string; rule: string }) {
  const t = useT();
  const locale = useLocale();
  const money = (c: number) => formatMoney(c, currency, locale);
  return (
    <div className="settlement">
      <p className="muted">{rule}</p>
      <dl className="kv-list">
        <dt>{t("cancel.total")}</dt><dd>{money(a.totalCents)}</dd>
        <dt>{t("cancel.deposit")}</dt><dd>{money(a.depositCents)}</dd>
        <dt>{t("cancel.paid")}</dt><dd>{money(a.paidCents)}</dd>
        <dt>{t("cancel.fee")}</dt><dd>{money(a.feeCents)}</dd>
      </dl>
      <div className={`settlement-result ${a.refundCents > 0 ? "refund" : a.owedCents > 0 ? "owed" : "none"}`} data-testid="settlement">
        {a.refundCents > 0
          ? t("cancel.refund", { amount: money(a.refundCents) })
          : a.owedCents > 0
            ? t("cancel.owed", { amount: money(a.owedCents) })
            : t("cancel.nothing")}
      </div>
    </div>
  );
}

/** The policy's verdict in words: "Annulation 2 jours avant la séance : l'acompte est retenu (100 %)." */
export function useTierText() {
  const t = useT();
  const locale = useLocale();
  return (quote: { kind: "free" | "policy" | "no_show"; hoursBefore: number; tier: { charge: "deposit" | "session"; percentBp: number } | null }) => {
    if (quote.kind === "free") return t("cancel.rule.free");
    if (!quote.tier) return t("cancel.rule.free");
    const h = quote.hoursBefore;
    const when = h < 0 ? t("cancel.when.started") : h >= 48 ? t("cancel.when.days", { n: Math.floor(h / 24) }) : t("cancel.when.hours", { n: Math.max(0, Math.floor(h)) });
    const { charge, percentBp } = quote.tier;
    const share = percentBp === 0
      ? t("cancel.share.none")
      : t(charge === "deposit" ? "cancel.share.deposit" : "cancel.share.session", { pct: `${basisPointsToInput(percentBp, locale)} %` });
    return t("cancel.rule", { when, share });
  };
}

import { basisPointsToInput, formatMoney } from "../../../../shared/money";
import { useLocale, useT } from "../../i18n";
import type { PriceBreakdown } from "../../lib/booking-types";
import { formatDuration } from "../../lib/duration";

type Line = PriceBreakdown["lines"][number];

interface Props {
  price: PriceBreakdown;
  currency: string;
  /** "live": recomputed from the form as it is now; "stored": the price the booking was made at. */
  source: "live" | "stored";
  pending: boolean;
  /** The session's length, to say how long the hourly lines are. */
  minutes: number | null;
}

/**
 * Room, engineer and gear lines, VAT, total and deposit, as the core computed them. With a
 * discount, lines show the rate card's price, then the subtotal, the discount and the net after it.
 */
export function PriceBreakdownView({ price, currency, source, pending, minutes }: Props) {
  const t = useT();
  const locale = useLocale();
  const money = (cents: number) => formatMoney(cents, currency, locale);
  const pct = (bp: number) => `${basisPointsToInput(bp, locale)} %`;

  const basis = (l: Line): string => {
    const overtime = l.overtimeMinutes > 0 ? ` + ${formatDuration(l.overtimeMinutes, t)}` : "";
    switch (l.basis) {
      case "hourly": return minutes ? t("price.basis.hourlyFor", { d: formatDuration(minutes, t) }) : t("price.basis.hourly");
      case "half_day": return `${t("price.basis.half_day")}${overtime}`;
      case "day": return `${t("price.basis.day")}${overtime}`;
      case "lockout": return t("price.basis.lockout", { n: l.days });
      case "daily": return t("price.basis.daily", { q: l.quantity, n: l.days });
    }
  };

  return (
    <section className={`price${pending ? " pending" : ""}`} aria-label={t("price.title")} data-testid="price-breakdown" aria-busy={pending}>
      <div className="price-head">
        <span className="fieldset-title">{t("price.title")}</span>
        <span className="subtle">{t(source === "live" ? "price.live" : "price.stored")}</span>
      </div>
      {price.lines.length === 0 ? (
        <div className="subtle">{t("price.empty")}</div>
      ) : (
        <table className="price-table">
          <tbody>
            {price.lines.map((l) => (
              <tr key={`${l.kind}|${l.refId}`}>
                <td>
                  <div className="cell-main">{l.label}</div>
                  <div className="cell-sub">{t(`price.kind.${l.kind}`)} · {basis(l)}</div>
                </td>
                <td className="num subtle">{t("price.vatRate", { rate: pct(l.vatBp) })}</td>
                <td className="num">{money(l.listCents ?? l.netCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            {price.discountCents > 0 && (
              <>
                <tr><td colSpan={2}>{t("price.subtotal")}</td><td className="num">{money(price.netCents + price.discountCents)}</td></tr>
                <tr className="discount" data-testid="price-discount">
                  <td colSpan={2}>{t("price.discount", { rate: pct(price.discountBp) })}</td><td className="num">−{money(price.discountCents)}</td>
                </tr>
              </>
            )}
            <tr><td colSpan={2}>{t("price.net")}</td><td className="num">{money(price.netCents)}</td></tr>
            <tr><td colSpan={2}>{t("price.vat")}</td><td className="num">{money(price.vatCents)}</td></tr>
            <tr className="total"><td colSpan={2}>{t("price.total")}</td><td className="num" data-testid="price-total">{money(price.totalCents)}</td></tr>
            <tr className="deposit"><td colSpan={2}>{t("price.deposit", { rate: pct(price.depositBp) })}</td><td className="num">{money(price.depositCents)}</td></tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}

import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { RedirectUrl } from "../../../../shared/billing/billing-api";
import { entitlementsOf } from "../../../../shared/billing/entitlements";
import { BILLING_INTERVALS, PAID_PLANS, PLAN_CURRENCY, PLAN_PRICES_CENTS, PLANS, type BillingInterval, type Plan } from "../../../../shared/billing/plans";
import { formatMoney } from "../../../../shared/money";
import { useLocale, useT, type Translate } from "../../i18n";
import { openExternal } from "../../lib/open-external";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import type { billingActions, PlanView } from "./plan-helpers";

type Actions = ReturnType<typeof billingActions>;

/** Upgrade (Checkout) and "Gérer l'abonnement" (Portal), both opened in the browser; or why they are not here. */
export function PlanActions({ view, actions, canManage }: { view: PlanView; actions: Actions; canManage: boolean }) {
  const t = useT();
  const trpc = useTRPC();
  const [opened, setOpened] = useState(false);
  // A new answer from the server that changes the plan or the subscription (back from the browser, or Actualiser with a
  // change): the notice has served. Not any refetch: one follows every sync round, while the person may still be paying.
  const planKey = JSON.stringify([view.effective, view.status?.subscription ?? null]);
  useEffect(() => setOpened(false), [planKey]);
  const onUrl = (r: RedirectUrl) => setOpened(openExternal(r.url));
  const checkout = useMutation(trpc.billing.checkout.mutationOptions({ onSuccess: onUrl }));
  const portal = useMutation(trpc.billing.portal.mutationOptions({ onSuccess: onUrl }));
  const failed = checkout.error ?? portal.error;
  const billingOn = view.status?.billing === "on";
  const busy = checkout.isPending || portal.isPending;
  return (
    <>
      {failed && <div className="banner error" role="alert">{t(`error.${appCodeOf(failed)}`)}</div>}
      {opened && <div className="banner info" role="status">{t("billing.openedInBrowser")}</div>}
      {actions.checkout && (
        <PlanOffers
          current={view.effective?.plan ?? null}
          trial={view.effective?.reason === "studio_trial" || view.effective?.reason === "subscription_trial"}
          busy={busy}
          pending={checkout.isPending ? checkout.variables : undefined}
          onChoose={(plan, interval) => checkout.mutate({ plan, interval })}
        />
      )}
      {actions.portal && (
        <div className="plan-portal">
          <button type="button" className="btn" disabled={busy} onClick={() => portal.mutate()}>{portal.isPending ? t("billing.opening") : t("billing.manage")}</button>
          {!actions.checkout && <span className="hint">{t("billing.changeInPortal")}</span>}
        </div>
      )}
      {billingOn && !canManage && <p className="hint" style={{ margin: 0 }}>{t("billing.ownersOnly")}</p>}
      {canManage && view.source !== "live" && view.status?.billing !== "off" && <p className="hint" style={{ margin: 0 }}>{t("billing.offlineActions")}</p>}
    </>
  );
}

function PlanOffers({ current, trial, busy, pending, onChoose }: {
  current: Plan | null;
  /** The current plan is a trial's: said so on its card. */
  trial: boolean;
  busy: boolean;
  pending: { plan: string; interval: string } | undefined;
  onChoose(plan: (typeof PAID_PLANS)[number], interval: BillingInterval): void;
}) {
  const t = useT();
  const locale = useLocale();
  const [interval, setInterval] = useState<BillingInterval>("month");
  const price = (cents: number) => formatMoney(cents, PLAN_CURRENCY, locale);
  return (
    <div className="fieldset plan-offers" data-testid="plan-offers">
      <div className="plan-offers-head">
        <h3>{t("billing.offers")}</h3>
        <div className="segmented" role="group" aria-label={t("billing.offers")}>
          {BILLING_INTERVALS.map((i) => (
            <button key={i} type="button" aria-pressed={interval === i} onClick={() => setInterval(i)}>
              {t(`billing.interval.${i}`)}{i === "year" && <span className="badge accent plan-saving">{t("billing.yearSaving")}</span>}
            </button>
          ))}
        </div>
      </div>
      <div className="plan-cards">
        {PLANS.map((plan) => {
          const name = t(`billing.plan.${plan}`);
          const paid = plan === "free" ? null : plan;
          return (
            <div key={plan} className={`plan-card${plan === current ? " current" : ""}`} data-testid={`offer-${plan}`}>
              <div className="plan-card-head">
                <strong>{name}</strong>
                {plan === current && <span className="badge ok">{t(trial ? "billing.currentTrial" : "billing.current")}</span>}
              </div>
              <div className="plan-price">
                {t(interval === "month" ? "billing.perMonth" : "billing.perYear", { price: price(paid ? PLAN_PRICES_CENTS[paid][interval] : 0) })}
              </div>
              <ul className="plan-features">{features(t, plan).map((f) => <li key={f}>{f}</li>)}</ul>
              {paid && (
                <button type="button" className={`btn${paid === "pro" ? " primary" : ""}`} disabled={busy} onClick={() => onChoose(paid, interval)}>
                  {pending?.plan === paid && pending.interval === interval ? t("billing.opening") : t("billing.choose", { plan: name })}
                </button>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** What a plan allows, in words, from the shared entitlements. */
function features(t: Translate, plan: Plan): string[] {
  const e = entitlementsOf(plan);
  const out = [
    e.maxLocations === null ? t("billing.feature.unlimitedLocations") : t("billing.feature.locations", { n: e.maxLocations }),
    e.maxUsers === null ? t("billing.feature.unlimitedUsers") : t("billing.feature.users", { n: e.maxUsers }),
  ];
  if (e.maxRooms === null) out.push(t("billing.feature.unlimitedRooms"));
  else out.push(t("billing.feature.rooms", { n: e.maxRooms }));
  if (e.maxBookingsPerMonth !== null) out.push(t("billing.feature.bookings", { n: e.maxBookingsPerMonth }));
  if (e.sms) out.push(t("billing.feature.sms"));
  if (e.sso) out.push(t("billing.feature.sso"));
  if (e.dedicatedDatabase) out.push(t("billing.feature.dedicated"));
  return out;
}

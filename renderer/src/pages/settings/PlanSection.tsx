import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useAccountStatus } from "../../forms/account/account-defaults";
import { useLocale, useT, type Translate } from "../../i18n";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useCan } from "../../lib/use-can";
import { useUiStore } from "../../store/ui-store";
import { billingActions, metersOf, type PlanView } from "./plan-helpers";
import { PlanActions } from "./PlanActions";
import { PlanInvoices } from "./PlanInvoices";
import { UsageMeters } from "./UsageMeters";
import "./plan.css";

/**
 * "Forfait et facturation": the studio's plan and its state, usage against the plan's limits (every
 * connected member), and for owners (billing.manage) upgrading through Stripe Checkout, the Customer
 * Portal and the invoices. Offline it shows the last known plan with the offline grace rule.
 */
export function PlanSection() {
  const t = useT();
  const trpc = useTRPC();
  const { status: account } = useAccountStatus();
  const connected = Boolean(account?.connected);
  // Back from paying in the browser: the window regains focus, and the plan is read again.
  const plan = useQuery(trpc.billing.status.queryOptions(undefined, { enabled: connected, retry: false, staleTime: 0, refetchOnWindowFocus: true }));
  const canManage = useCan("billing.manage");
  const route = useUiStore((s) => s.route);
  const ref = useRef<HTMLElement>(null);
  // "#/settings/billing" (where a plan-limit refusal sends people) lands here.
  useEffect(() => {
    if (route.tab === "billing" && plan.data) ref.current?.focus();
  }, [route, plan.data]);
  if (!account) return null;
  // A query turned off at log-out keeps its last answer: show it only while connected.
  const view = connected ? plan.data : undefined;
  return (
    <section ref={ref} tabIndex={-1} className="card card-pad plan-section" id="billing" aria-labelledby="billing-title" data-testid="plan-section">
      <div className="plan-head">
        <h2 id="billing-title">{t("billing.title")}</h2>
        {connected && (
          <button type="button" className="btn small ghost" disabled={plan.isFetching} onClick={() => void plan.refetch()}>{t("billing.refresh")}</button>
        )}
      </div>
      {!connected && <p className="muted" style={{ margin: 0 }}>{t("billing.notConnected")}</p>}
      {connected && plan.isError && <div className="banner error" role="alert">{t(`error.${appCodeOf(plan.error)}`)}</div>}
      {connected && plan.isPending && <p className="subtle" style={{ margin: 0 }}>{t("billing.loading")}</p>}
      {view && <PlanBody view={view} canManage={canManage} />}
    </section>
  );
}

function PlanBody({ view, canManage }: { view: PlanView; canManage: boolean }) {
  const t = useT();
  const locale = useLocale();
  const date = (ms: number | null) => (ms === null ? "—" : new Date(ms).toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric" }));
  // When the server last answered: the same day matters, so with the time.
  const moment = (ms: number | null) => (ms === null ? "—" : new Date(ms).toLocaleString(locale, { dateStyle: "long", timeStyle: "short" }));
  const { status, effective, entitlements } = view;
  const actions = billingActions(view, canManage);
  return (
    <>
      <OfflineBanner view={view} date={date} moment={moment} />
      {effective && entitlements && (
        <>
          <StateBanner view={view} date={date} />
          <div className="kv" data-testid="plan-details">
            <span>{t("billing.plan")}</span>
            <span><strong className="plan-name" data-testid="plan-name">{t(`billing.plan.${effective.plan}`)}</strong></span>
            <span>{t("billing.state")}</span>
            <span data-testid="plan-state">{stateText(t, view, date)}</span>
          </div>
          {status && (
            <UsageMeters
              meters={metersOf(status.usage, entitlements)}
              title={view.source === "live" ? t("billing.usage") : t("billing.usageAsOf", { date: moment(status.fetchedAt) })}
            />
          )}
        </>
      )}
      <PlanActions view={view} actions={actions} canManage={canManage} />
      {actions.invoices && <PlanInvoices />}
    </>
  );
}

type DateText = (ms: number | null) => string;

/** "Essai gratuit jusqu'au 9 juin 2026", "Abonnement actif · Mensuel, renouvelé le …". */
function stateText(t: Translate, view: PlanView, date: DateText): string {
  const effective = view.effective!;
  const reason = t(`billing.reason.${effective.reason}`, { date: date(effective.trialEndsAt ?? effective.graceEndsAt) });
  const sub = view.status?.subscription;
  if (effective.reason !== "subscription" || !sub?.currentPeriodEnd) return reason;
  const period = t(sub.cancelAtPeriodEnd ? "billing.ends" : "billing.renews", { interval: t(`billing.interval.${sub.interval}`), date: date(sub.currentPeriodEnd) });
  return `${reason} · ${period}`;
}

function OfflineBanner({ view, date, moment }: { view: PlanView; date: DateText; moment: DateText }) {
  const t = useT();
  if (view.source === "live") return null;
  const relogin = view.offlineCode === "LOGIN_REQUIRED" ? ` ${t("billing.offline.relogin")}` : "";
  const text =
    view.source === "last_known"
      ? view.offlineGraceEndsAt === null
        ? t("billing.offline.last_known_forever", { date: moment(view.status?.fetchedAt ?? null) })
        : t("billing.offline.last_known", { date: moment(view.status?.fetchedAt ?? null), until: date(view.offlineGraceEndsAt) })
      : t(`billing.offline.${view.source}`);
  return <div className="banner warn" role="status" data-testid="plan-offline">{text}{relogin}</div>;
}

/** Billing off, a trial running out, a payment overdue or unpaid, a subscription ending: said first. */
function StateBanner({ view, date }: { view: PlanView; date: DateText }) {
  const t = useT();
  const effective = view.effective!;
  const planName = t(`billing.plan.${effective.plan}`);
  switch (effective.reason) {
    case "billing_off":
      return <div className="banner info" data-testid="billing-off">{t("billing.off", { plan: planName })}</div>;
    case "studio_trial":
      return <div className="banner info">{t("billing.trialBanner", { plan: planName, date: date(effective.trialEndsAt) })}</div>;
    case "past_due_grace":
      return <div className="banner warn" role="status">{t("billing.pastDueBanner", { date: date(effective.graceEndsAt) })}</div>;
    case "past_due_read_only":
      return <div className="banner error" role="alert">{t("billing.readOnlyBanner")}</div>;
    default: {
      const sub = view.status?.subscription;
      if (effective.reason === "subscription" && sub?.cancelAtPeriodEnd && sub.currentPeriodEnd) {
        return <div className="banner info">{t("billing.cancelBanner", { date: date(sub.currentPeriodEnd) })}</div>;
      }
      return null;
    }
  }
}

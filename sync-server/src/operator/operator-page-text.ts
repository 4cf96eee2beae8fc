import type { AppErrorCode } from "../../../shared/errors";

/** The operator page's words, French first (the app's language), English for everyone else. */
const fr = {
  title: "Vue opérateur",
  subtitle: "Recording Studio Manager — l'activité du SaaS, depuis la facturation",
  token: "Jeton opérateur",
  from: "De",
  to: "À",
  show: "Afficher",
  asOf: "Au {date}",
  mrr: "MRR",
  mrrHint: "revenu mensuel récurrent",
  arr: "ARR",
  arrHint: "MRR × 12",
  paying: "Studios payants",
  arpa: "ARPA",
  arpaHint: "revenu mensuel par studio payant",
  ltv: "LTV",
  ltvHint: "ARPA ÷ churn mensuel",
  ltvNoChurn: "non définie : aucun départ sur la période",
  ltvNoPaying: "non définie : aucun studio payant",
  trialConversion: "Conversion des essais",
  trialHint: "{converted} payants sur {ended} essais terminés",
  noTrials: "aucun essai terminé sur la période",
  churn: "Churn (studios)",
  churnHint: "{churned} départs sur {exposed} studios·mois",
  revenueChurn: "Churn (revenu)",
  revenueChurnHint: "{lost} de MRR perdus",
  byPlan: "Studios actifs par forfait",
  free: "Free",
  trial: "En essai",
  proMonth: "Pro mensuel",
  proYear: "Pro annuel",
  enterpriseMonth: "Enterprise mensuel",
  enterpriseYear: "Enterprise annuel",
  planFootnote: "{total} studios, dont {dedicated} en base dédiée ; {pastDue} en retard de paiement (comptés payants).",
  months: "Mois par mois",
  month: "Mois",
  mrrEnd: "MRR fin de mois",
  payingStart: "Payants au 1er",
  churned: "Départs",
  churnRate: "Churn",
  lostMrr: "MRR perdu",
  revenueChurnRate: "Churn revenu",
  cohorts: "Cohortes mensuelles",
  cohortsHint: "Studios inscrits chaque mois, et part encore payante à la fin du mois 0, 1, 2…",
  signUps: "Inscrits",
  none: "—",
  error: "Erreur",
  errors: {
    OPERATOR_DISABLED: "La vue opérateur est désactivée sur ce serveur : définissez OPERATOR_TOKEN.",
    UNAUTHENTICATED: "Ce n'est pas le jeton opérateur.",
    VALIDATION_FAILED: "Période invalide : choisissez deux mois, le premier avant le second, 36 mois au plus.",
    other: "Les chiffres n'ont pas pu être calculés : {message}",
  } as Partial<Record<AppErrorCode, string>> & { other: string },
};

export type OperatorText = typeof fr;

const en: OperatorText = {
  title: "Operator view",
  subtitle: "Recording Studio Manager — the SaaS business, from billing",
  token: "Operator token",
  from: "From",
  to: "To",
  show: "Show",
  asOf: "As of {date}",
  mrr: "MRR",
  mrrHint: "monthly recurring revenue",
  arr: "ARR",
  arrHint: "MRR × 12",
  paying: "Paying studios",
  arpa: "ARPA",
  arpaHint: "monthly revenue per paying studio",
  ltv: "LTV",
  ltvHint: "ARPA ÷ monthly churn",
  ltvNoChurn: "not defined: no studio left over the period",
  ltvNoPaying: "not defined: no paying studio",
  trialConversion: "Trial conversion",
  trialHint: "{converted} paying out of {ended} ended trials",
  noTrials: "no trial ended over the period",
  churn: "Churn (studios)",
  churnHint: "{churned} left out of {exposed} studio-months",
  revenueChurn: "Churn (revenue)",
  revenueChurnHint: "{lost} of MRR lost",
  byPlan: "Active studios by plan",
  free: "Free",
  trial: "On trial",
  proMonth: "Pro monthly",
  proYear: "Pro yearly",
  enterpriseMonth: "Enterprise monthly",
  enterpriseYear: "Enterprise yearly",
  planFootnote: "{total} studios, {dedicated} in a dedicated database; {pastDue} past due (counted as paying).",
  months: "Month by month",
  month: "Month",
  mrrEnd: "MRR at month end",
  payingStart: "Paying on the 1st",
  churned: "Left",
  churnRate: "Churn",
  lostMrr: "MRR lost",
  revenueChurnRate: "Revenue churn",
  cohorts: "Monthly cohorts",
  cohortsHint: "Studios that signed up each month, and the share still paying at the end of month 0, 1, 2…",
  signUps: "Signed up",
  none: "—",
  error: "Error",
  errors: {
    OPERATOR_DISABLED: "The operator view is off on this server: set OPERATOR_TOKEN.",
    UNAUTHENTICATED: "That is not the operator token.",
    VALIDATION_FAILED: "Invalid period: choose two months, the first before the second, 36 months at most.",
    other: "The figures could not be computed: {message}",
  },
};

export type OperatorLanguage = "fr" | "en";

/** French when the browser prefers it over English (Accept-Language, by q), else English. */
export function operatorLanguage(acceptLanguage: string | undefined): OperatorLanguage {
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag, q: q === undefined ? 1 : Number(q), i };
    })
    .filter((l) => l.tag && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const first = ranked.find((l) => l.tag.startsWith("fr") || l.tag.startsWith("en"));
  return first?.tag.startsWith("fr") ? "fr" : "en";
}

export function operatorText(lang: OperatorLanguage): OperatorText {
  return lang === "fr" ? fr : en;
}

/** Fills {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

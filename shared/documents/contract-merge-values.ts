import type { CancellationPolicy } from "../booking/cancellation";
import { formatMoney } from "../money";
import type { DocumentLanguage } from "./contract-templates";

export interface MergeSession {
  startsAt: string;
  endsAt: string;
  roomNames: string[];
  totalCents: number;
}

export interface MergeContext {
  language: DocumentLanguage;
  currency: string;
  studio: { name: string; address: string | null; vatNumber: string | null; siret: string | null; email: string | null; phone: string | null };
  location: { name: string; timeZone: string; address: string | null };
  client: { name: string; address: string | null; email: string | null; vatNumber: string | null; contactName: string | null };
  projectName: string | null;
  sessions: MergeSession[];
  /** Room → hourly rate, as printed under "rates". */
  rates: { label: string; hourlyRateCents: number }[];
  depositBp: number;
  depositCents: number;
  totalCents: number;
  policy: CancellationPolicy;
  contractNumber: string | null;
  /** The contract's date, "YYYY-MM-DD" in the location's calendar. */
  date: string;
}

const LOCALE: Record<DocumentLanguage, string> = { fr: "fr-FR", en: "en-GB" };

/** "mar. 10 mars 2026, 10:00 – 14:00" in the location's zone (the session's end date when it runs past midnight). */
export function formatSession(startsAt: string, endsAt: string, timeZone: string, language: DocumentLanguage): string {
  const locale = LOCALE[language];
  const day = new Intl.DateTimeFormat(locale, { timeZone, weekday: "short", day: "numeric", month: "long", year: "numeric" });
  const time = new Intl.DateTimeFormat(locale, { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const start = new Date(startsAt), end = new Date(endsAt);
  const sameDay = day.format(start) === day.format(end);
  return sameDay ? `${day.format(start)}, ${time.format(start)} – ${time.format(end)}` : `${day.format(start)}, ${time.format(start)} – ${day.format(end)}, ${time.format(end)}`;
}

export function formatDate(date: string, language: DocumentLanguage): string {
  return new Intl.DateTimeFormat(LOCALE[language], { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(`${date}T00:00:00Z`));
}

export function formatPercent(bp: number, language: DocumentLanguage): string {
  const text = bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2).replace(/0$/, "");
  return `${language === "fr" ? text.replace(".", ",") : text} %`;
}

function policyText(policy: CancellationPolicy, language: DocumentLanguage): string {
  const tiers = [...policy.tiers].sort((a, b) => b.minHoursBefore - a.minHoursBefore);
  const parts = tiers.map((t) => {
    const share = formatPercent(t.percentBp, language);
    const base = language === "fr" ? (t.charge === "deposit" ? "de l'acompte" : "de la séance") : t.charge === "deposit" ? "of the deposit" : "of the session";
    const when = language === "fr" ? `à partir de ${t.minHoursBefore} h avant` : `${t.minHoursBefore} h or more before`;
    return `${when} : ${share} ${base}`.replace(" : ", language === "fr" ? " : " : ": ");
  });
  const noShow = language === "fr" ? `absence : ${formatPercent(policy.noShowPercentBp, language)} de la séance` : `no-show: ${formatPercent(policy.noShowPercentBp, language)} of the session`;
  return [...parts, noShow].join(" ; ");
}

/** Every merge field a contract template may use, as text in the contract's language. */
export function contractMergeValues(c: MergeContext): Record<string, string> {
  const locale = LOCALE[c.language];
  const money = (cents: number) => formatMoney(cents, c.currency, locale);
  const none = c.language === "fr" ? "—" : "—";
  const sessions = c.sessions.map((s) => `- ${formatSession(s.startsAt, s.endsAt, c.location.timeZone, c.language)} (${s.roomNames.join(", ")})`);
  const rooms = [...new Set(c.sessions.flatMap((s) => s.roomNames))];
  const perHour = c.language === "fr" ? "/ h HT" : "/ h excl. VAT";
  return {
    "studio.name": c.studio.name,
    "studio.address": c.studio.address ?? none,
    "studio.vat_number": c.studio.vatNumber ?? none,
    "studio.siret": c.studio.siret ?? none,
    "studio.email": c.studio.email ?? none,
    "studio.phone": c.studio.phone ?? none,
    "location.name": c.location.name,
    "location.address": c.location.address ?? none,
    "client.name": c.client.name,
    "client.address": c.client.address ?? none,
    "client.email": c.client.email ?? none,
    "client.vat_number": c.client.vatNumber ?? none,
    "client.contact_name": c.client.contactName ?? c.client.name,
    "project.name": c.projectName ?? none,
    sessions: sessions.length ? sessions.join("\n") : none,
    "sessions.count": String(c.sessions.length),
    "sessions.first_date": c.sessions[0] ? formatSession(c.sessions[0].startsAt, c.sessions[0].endsAt, c.location.timeZone, c.language) : none,
    rooms: rooms.length ? rooms.join(", ") : none,
    rates: c.rates.length ? c.rates.map((r) => `${r.label} ${money(r.hourlyRateCents)} ${perHour}`).join(" ; ") : none,
    total: money(c.totalCents),
    deposit: money(c.depositCents),
    deposit_percent: formatPercent(c.depositBp, c.language),
    cancellation_policy: policyText(c.policy, c.language),
    "contract.number": c.contractNumber ?? none,
    "contract.date": formatDate(c.date, c.language),
  };
}

/** The merge fields a template editor offers (what contractMergeValues always provides). */
export const MERGE_FIELD_NAMES: readonly string[] = [
  "studio.name", "studio.address", "studio.vat_number", "studio.siret", "studio.email", "studio.phone", "location.name", "location.address",
  "client.name", "client.address", "client.email", "client.vat_number", "client.contact_name", "project.name", "sessions", "sessions.count",
  "sessions.first_date", "rooms", "rates", "total", "deposit", "deposit_percent", "cancellation_policy", "contract.number", "contract.date",
];

import { gearDays, type PriceLine } from "../booking/pricing";
import type { DocumentLanguage } from "./contract-templates";
import type { DocumentLine } from "./document-line";
import { QUANTITY_SCALE, roundDiv } from "./document-totals";

/** A session a quote proposes, as the booking engine priced it. */
export interface PricedSession {
  startsAt: string;
  endsAt: string;
  timeZone: string;
  title: string | null;
  projectName: string | null;
  /** The booking engine's lines for the session (rooms, engineers, gear). */
  priceLines: readonly PriceLine[];
  /** Day prices the quote sets for some gear (a piece without a rate, or a negotiated one), by equipment id. */
  gearDayPrices?: Readonly<Record<string, number>>;
  /** Discount on every line of the session. */
  discountBp: number;
}

export interface SessionLineLabels {
  engineer: string;
  gear: string;
  halfDay: string;
  day: string;
  lockout: string;
  gearQuantity(units: number, days: number): string;
  /** Hours billed on top of a half-day or day rate. */
  overtime(minutes: number): string;
}

/** French, the studio's legal language and every client's unless they chose English. */
export const SESSION_LINE_LABELS_FR: SessionLineLabels = {
  engineer: "Ingénieur du son", gear: "Location de matériel", halfDay: "demi-journée", day: "journée", lockout: "lock-out",
  gearQuantity: (units, days) => `${units} × ${days} ${days > 1 ? "jours" : "jour"}`,
  overtime: (minutes) => (minutes < 60 ? `+ ${minutes} min` : `+ ${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${String(minutes % 60).padStart(2, "0")}` : ""}`),
};

/** For clients whose documents are in English (clients.documentLanguage). */
export const SESSION_LINE_LABELS_EN: SessionLineLabels = {
  engineer: "Sound engineer", gear: "Equipment hire", halfDay: "half day", day: "day", lockout: "lockout",
  gearQuantity: (units, days) => `${units} × ${days} ${days > 1 ? "days" : "day"}`,
  overtime: SESSION_LINE_LABELS_FR.overtime,
};

/** The words of a quote's session lines, in the client's document language: written once, when the line is made. */
export const SESSION_LINE_LABELS: Record<DocumentLanguage, SessionLineLabels> = { fr: SESSION_LINE_LABELS_FR, en: SESSION_LINE_LABELS_EN };

const MINUTES_PER_HOUR = 60;

/**
 * An engineer billed at the plain hourly rate reads best as "hours × rate". That form is used only
 * when the hours are a whole number of thousandths and hours × rate gives back the booking engine's
 * net to the cent; otherwise (tiers, odd minutes) the line stays "1 × the engineer's price".
 */
export function hourlyForm(netCents: number, minutes: number): { quantityMilli: number; unitPriceCents: number } | null {
  if (minutes <= 0 || (minutes * QUANTITY_SCALE) % MINUTES_PER_HOUR !== 0) return null;
  const quantityMilli = (minutes * QUANTITY_SCALE) / MINUTES_PER_HOUR;
  const rate = roundDiv(netCents * MINUTES_PER_HOUR, minutes);
  return roundDiv(rate * quantityMilli, QUANTITY_SCALE) === netCents ? { quantityMilli, unitPriceCents: rate } : null;
}

function basisText(p: PriceLine, labels: SessionLineLabels): string | null {
  const overtime = p.overtimeMinutes > 0 ? ` ${labels.overtime(p.overtimeMinutes)}` : "";
  if (p.basis === "half_day") return labels.halfDay + overtime;
  if (p.basis === "day") return labels.day + overtime;
  if (p.basis === "lockout") return `${labels.lockout} × ${p.days}`;
  return null;
}

/**
 * A proposed session's lines on a quote. Rooms as the booking engine priced them (1 × its price,
 * so its capped tiers are kept exactly). Engineers at their rate card: "hours × hourly rate" when
 * that is exact, else 1 × the tier price, named as engineers. Gear: "units × days" at the day
 * price, the quote's own price for a piece when it sets one, else the gear's rate.
 */
export function quoteSessionLines(s: PricedSession, labels: SessionLineLabels = SESSION_LINE_LABELS_FR): DocumentLine[] {
  const minutes = Math.round((Date.parse(s.endsAt) - Date.parse(s.startsAt)) / 60_000);
  const common = {
    vatBp: 0, discountBp: s.discountBp, bookingId: null, projectName: s.projectName,
    session: { startsAt: s.startsAt, endsAt: s.endsAt, timeZone: s.timeZone },
  };
  const detail = (...parts: (string | null)[]) => parts.filter(Boolean).join(" · ") || null;
  return s.priceLines.map((p): DocumentLine => {
    if (p.kind === "staff") {
      const hourly = p.basis === "hourly" ? hourlyForm(p.netCents, minutes) : null;
      return {
        ...common, kind: "engineer", refId: p.refId, label: p.label, vatBp: p.vatBp,
        detail: detail(labels.engineer, basisText(p, labels), s.title),
        quantityMilli: hourly?.quantityMilli ?? QUANTITY_SCALE, unitPriceCents: hourly?.unitPriceCents ?? p.netCents,
        ...(hourly ? { unit: "hour" as const } : {}),
      };
    }
    if (p.kind === "equipment") {
      const days = p.days || gearDays(minutes);
      const units = days * p.quantity;
      const dayPrice = s.gearDayPrices?.[p.refId] ?? roundDiv(p.netCents, units);
      return {
        ...common, kind: "gear", refId: p.refId, label: p.label, vatBp: p.vatBp,
        detail: detail(labels.gear, labels.gearQuantity(p.quantity, days), s.title),
        quantityMilli: units * QUANTITY_SCALE, unitPriceCents: dayPrice,
      };
    }
    return {
      ...common, kind: "room", refId: p.refId, label: p.quantity > 1 ? `${p.label} × ${p.quantity}` : p.label, vatBp: p.vatBp,
      detail: detail(basisText(p, labels), s.title), quantityMilli: QUANTITY_SCALE, unitPriceCents: p.netCents,
    };
  });
}

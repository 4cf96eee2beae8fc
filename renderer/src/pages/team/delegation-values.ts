import { MAX_DELEGATION_DAYS } from "../../../../shared/schemas/team";

const DAY_MS = 86_400_000;

/** "2026-11-26" + "18:30" typed in this computer's time zone → epoch ms, or null when unreadable. */
export function localInstant(date: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const ms = new Date(`${date}T${time}`).getTime();
  return Number.isNaN(ms) ? null : ms;
}

/** An end the server will take: after now, and at most MAX_DELEGATION_DAYS ahead. */
export function endAllowed(expiresAt: number | null, now: number): expiresAt is number {
  return expiresAt !== null && expiresAt > now && expiresAt <= now + MAX_DELEGATION_DAYS * DAY_MS;
}

/** The form's first end: this time tomorrow, on the quarter hour, in local date and time fields. */
export function defaultEnd(now: number): { date: string; time: string } {
  const at = new Date(Math.ceil((now + DAY_MS) / 900_000) * 900_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

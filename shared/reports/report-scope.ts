import { can, locationsWhere, type Subject } from "../permissions/access";

/** Which locations a report covers, and whether it may show money. */
export interface ReportScope {
  locationIds: string[];
  money: boolean;
}

export type ScopeResult = { ok: true; scope: ReportScope } | { ok: false; code: "FORBIDDEN" | "NOT_FOUND"; locationId: string | null };

/**
 * Reports need report.view at every location they cover; without a list they cover every location
 * where the person has it (all of them for an owner). Money is shown only when finance.view and
 * report.financial both hold at every covered location, so a consolidated total never mixes in a
 * location whose money the person may not see; otherwise every amount is left out.
 */
export function reportScope(subject: Subject, now: number, existing: readonly string[], requested?: readonly string[]): ScopeResult {
  const viewable = locationsWhere(subject, "report.view", now);
  const allowed = existing.filter((id) => viewable === null || viewable.has(id));
  for (const id of requested ?? []) {
    if (!existing.includes(id)) return { ok: false, code: "NOT_FOUND", locationId: id };
    if (!allowed.includes(id)) return { ok: false, code: "FORBIDDEN", locationId: id };
  }
  if (allowed.length === 0) return { ok: false, code: "FORBIDDEN", locationId: null };
  const locationIds = requested ? allowed.filter((id) => requested.includes(id)) : allowed;
  const money = locationIds.every((locationId) => can(subject, "report.financial", { locationId, now }) && can(subject, "finance.view", { locationId, now }));
  return { ok: true, scope: { locationIds, money } };
}

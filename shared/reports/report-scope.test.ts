import { describe, expect, it } from "vitest";
import type { Subject } from "../permissions/access";
import type { Role } from "../permissions/roles";
import { reportScope } from "./report-scope";

const PARIS = "loc-paris";
const LONDON = "loc-london";
const ALL = [PARIS, LONDON];
const NOW = Date.UTC(2026, 2, 29, 12);
const role = (r: Role, locationIds: string[] | null = null): Subject => ({ grants: [{ role: r, locationIds }], delegations: [] });
const lentReports = (expiresAt: number): Subject => ({
  grants: [{ role: "viewer", locationIds: null }],
  delegations: [{ permissions: ["report.view"], locationIds: null, expiresAt }],
});

describe("reportScope", () => {
  it.each([
    ["an owner sees every location with money", role("owner"), undefined, { ok: true, scope: { locationIds: ALL, money: true } }],
    ["an accountant sees money", role("accountant"), [LONDON], { ok: true, scope: { locationIds: [LONDON], money: true } }],
    ["a Paris manager gets Paris by default", role("manager", [PARIS]), undefined, { ok: true, scope: { locationIds: [PARIS], money: true } }],
    ["a Paris manager is refused London", role("manager", [PARIS]), [LONDON], { ok: false, code: "FORBIDDEN", locationId: LONDON }],
    ["a front desk sees reports without money (no report.financial)", role("front_desk"), undefined, { ok: true, scope: { locationIds: ALL, money: false } }],
    ["an engineer sees reports without money", role("engineer"), undefined, { ok: true, scope: { locationIds: ALL, money: false } }],
    ["a viewer has no report.view", role("viewer"), undefined, { ok: false, code: "FORBIDDEN", locationId: null }],
    ["a viewer lent report.view sees reports without money", lentReports(NOW + 1), undefined, { ok: true, scope: { locationIds: ALL, money: false } }],
    ["the loan ends at its expiry", lentReports(NOW), undefined, { ok: false, code: "FORBIDDEN", locationId: null }],
    ["an unknown location is not found", role("owner"), ["loc-nowhere"], { ok: false, code: "NOT_FOUND", locationId: "loc-nowhere" }],
  ] as const)("%s", (_name, subject, requested, expected) => {
    expect(reportScope(subject, NOW, ALL, requested)).toEqual(expected);
  });

  it("hides money when one covered location lacks the financial permissions", () => {
    const mixed: Subject = { grants: [{ role: "manager", locationIds: [PARIS] }], delegations: [{ permissions: ["report.view"], locationIds: [LONDON], expiresAt: NOW + 1 }] };
    expect(reportScope(mixed, NOW, ALL)).toEqual({ ok: true, scope: { locationIds: ALL, money: false } });
    expect(reportScope(mixed, NOW, ALL, [PARIS])).toEqual({ ok: true, scope: { locationIds: [PARIS], money: true } });
  });
});

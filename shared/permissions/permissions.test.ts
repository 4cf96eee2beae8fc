import { describe, expect, it } from "vitest";
import { can, canDelegate, locationsWhere, type Subject } from "./access";
import { PERMISSIONS, rolePermissions, type Permission } from "./permissions";
import { includesRole, roleChain, ROLES, type Role } from "./roles";

/**
 * The whole matrix, written out: one row per permission, one column per role
 * (O owner, A admin, M manager, F front desk, E engineer, V viewer, C accountant).
 */
const MATRIX: Record<Permission, string> = {
  //                        O A M F E V C
  "booking.view":          "x x x x x x x",
  "booking.create":        "x x x x . . .",
  "booking.edit":          "x x x x . . .",
  "booking.cancel":        "x x x x . . .",
  "booking.override_past": "x x x . . . .",
  "booking.notes":         "x x x x x . .",
  "client.view":           "x x x x x x x",
  "client.manage":         "x x x x . . .",
  "finance.view":          "x x x x . . x",
  "payment.record":        "x x x x . . .",
  "contract.create":       "x x x x . . .",
  "contract.sign":         "x x x x x . .",
  "quote.create":          "x x x x . . .",
  "invoice.issue":         "x x x . . . .",
  "invoice.void":          "x x . . . . .",
  "report.view":           "x x x x x . x",
  "report.financial":      "x x x . . . x",
  "room.manage":           "x x x . . . .",
  "equipment.manage":      "x x x . . . .",
  "location.manage":       "x x . . . . .",
  "studio.settings":       "x x . . . . .",
  "staff.manage":          "x x . . . . .",
  "users.manage":          "x x . . . . .",
  "devices.manage":        "x x . . . . .",
  "audit.view":            "x x . . . . x",
  "security.manage":       "x . . . . . .",
  "billing.manage":        "x . . . . . .",
};
const COLUMNS: Role[] = ["owner", "admin", "manager", "front_desk", "engineer", "viewer", "accountant"];

const cases = PERMISSIONS.flatMap((permission) =>
  MATRIX[permission].split(" ").map((mark, i) => [COLUMNS[i]!, permission, mark === "x"] as const),
);

describe("permission matrix", () => {
  it("covers every permission and every role", () => {
    expect(Object.keys(MATRIX).sort()).toEqual([...PERMISSIONS].sort());
    expect(COLUMNS.sort()).toEqual([...ROLES].sort());
    expect(cases).toHaveLength(PERMISSIONS.length * ROLES.length);
  });

  it.each(cases)("%s × %s → %s", (role, permission, allowed) => {
    expect(rolePermissions(role).includes(permission)).toBe(allowed);
  });

  it("inherits down the main line; the accountant extends the viewer only", () => {
    expect(roleChain("owner")).toEqual(["owner", "admin", "manager", "front_desk", "engineer", "viewer"]);
    expect(roleChain("accountant")).toEqual(["accountant", "viewer"]);
    for (const [upper, lower] of [["owner", "admin"], ["admin", "manager"], ["manager", "front_desk"], ["front_desk", "engineer"], ["engineer", "viewer"]] as const) {
      expect(includesRole(upper, lower)).toBe(true);
      expect(includesRole(lower, upper)).toBe(false);
      expect(rolePermissions(lower).every((p) => rolePermissions(upper).includes(p))).toBe(true);
    }
    expect(includesRole("manager", "accountant")).toBe(false);
  });
});

const PARIS = "loc-paris";
const LONDON = "loc-london";
const NOON = Date.UTC(2026, 2, 29, 12); // the day Paris moves to summer time: delegations use instants, not wall clocks

describe("can", () => {
  const frontDeskParis: Subject = { grants: [{ role: "front_desk", locationIds: [PARIS] }], delegations: [] };

  it.each([
    ["books in its own location", frontDeskParis, "booking.create", PARIS, true],
    ["cannot book in another location", frontDeskParis, "booking.create", LONDON, false],
    ["manages the studio's clients, which belong to no location", frontDeskParis, "client.manage", null, true],
    ["an unscoped role acts everywhere", { grants: [{ role: "viewer", locationIds: null }], delegations: [] }, "booking.view", LONDON, true],
    ["roles add up across grants", { grants: [frontDeskParis.grants[0]!, { role: "viewer", locationIds: [LONDON] }], delegations: [] }, "booking.view", LONDON, true],
    ["an engineer never sees money", { grants: [{ role: "engineer", locationIds: null }], delegations: [] }, "finance.view", PARIS, false],
  ] as const)("%s", (_name, subject, permission, locationId, allowed) => {
    expect(can(subject, permission, { locationId, now: NOON })).toBe(allowed);
  });

  it("honours a delegation until its expiry instant and not a millisecond after", () => {
    const expiresAt = NOON + 3_600_000;
    const engineer: Subject = { grants: [{ role: "engineer", locationIds: null }], delegations: [{ permissions: ["booking.create"], locationIds: [PARIS], expiresAt }] };
    expect(can(engineer, "booking.create", { locationId: PARIS, now: NOON })).toBe(true);
    expect(can(engineer, "booking.create", { locationId: PARIS, now: expiresAt - 1 })).toBe(true);
    expect(can(engineer, "booking.create", { locationId: PARIS, now: expiresAt })).toBe(false);
    expect(can(engineer, "booking.create", { locationId: LONDON, now: NOON })).toBe(false);
    expect(can(engineer, "booking.cancel", { locationId: PARIS, now: NOON })).toBe(false);
  });

  it("says where a permission holds", () => {
    expect(locationsWhere(frontDeskParis, "booking.create", NOON)).toEqual(new Set([PARIS]));
    expect(locationsWhere(frontDeskParis, "users.manage", NOON)).toEqual(new Set());
    expect(locationsWhere({ grants: [{ role: "admin", locationIds: null }], delegations: [] }, "booking.create", NOON)).toBeNull();
  });

  it("lends only what one's own roles give, where they give it", () => {
    expect(canDelegate(frontDeskParis, ["booking.create"], [PARIS], NOON)).toBe(true);
    expect(canDelegate(frontDeskParis, ["booking.create"], [LONDON], NOON)).toBe(false);
    expect(canDelegate(frontDeskParis, ["booking.create"], null, NOON)).toBe(false);
    expect(canDelegate(frontDeskParis, ["invoice.issue"], [PARIS], NOON)).toBe(false);
    const borrowed: Subject = { grants: [{ role: "viewer", locationIds: null }], delegations: [{ permissions: ["booking.create"], locationIds: null, expiresAt: NOON + 1 }] };
    expect(canDelegate(borrowed, ["booking.create"], null, NOON)).toBe(false);
  });
});

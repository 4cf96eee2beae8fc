import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "../../../shared/permissions/permissions";
import { groupedPermissions, groupOf } from "./permission-groups";

describe("permission groups", () => {
  it("puts every permission under exactly one heading", () => {
    expect(groupedPermissions().flatMap((g) => g.permissions).sort()).toEqual([...PERMISSIONS].sort());
  });
  it("money and documents get headings of their own", () => {
    expect(groupOf("payment.record")).toBe("finance");
    expect(groupOf("invoice.issue")).toBe("documents");
    expect(groupOf("users.manage")).toBe("setup");
  });
});

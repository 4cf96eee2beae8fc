import { describe, expect, it } from "vitest";
import { ROLES } from "../../../shared/permissions/roles";
import { translate } from "../i18n";
import { roleText } from "./account-role";

const fr = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate("fr", key, vars);

describe("roleText", () => {
  it.each(ROLES)("%s has a French name", (role) => {
    expect(roleText(fr, role)).not.toMatch(/^account\.role/);
  });

  it("shows a role from a newer server as it came, and a missing one as a dash", () => {
    expect(roleText(fr, "owner")).toBe("Propriétaire");
    expect(roleText(fr, "night_shift")).toBe("night_shift");
    expect(roleText(fr, null)).toBe("—");
  });
});

import { describe, expect, it } from "vitest";
import { groupSecret, secondFactor } from "./totp-format";

describe("groupSecret", () => {
  it("groups a secret in fours", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXPAB")).toBe("JBSW Y3DP EHPK 3PXP AB");
    expect(groupSecret("")).toBe("");
  });
});

describe("secondFactor", () => {
  it("six digits are the authenticator's code, spaces allowed", () => {
    expect(secondFactor(" 123 456 ")).toEqual({ totpCode: "123456" });
  });
  it("anything else is a backup code; nothing typed is no factor", () => {
    expect(secondFactor("abcd-efgh")).toEqual({ backupCode: "abcd-efgh" });
    expect(secondFactor("   ")).toBeNull();
  });
});

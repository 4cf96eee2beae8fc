import { describe, expect, it } from "vitest";
import { normalizeForSearch } from "./text";

describe("normalizeForSearch", () => {
  it.each([
    ["Éloïse", "eloise"],
    ["Héloïse Mercier", "heloise mercier"],
    ["Chloé", "chloe"],
    ["Ça va", "ca va"],
    ["Noël", "noel"],
    ["Ümlaut Straße", "umlaut straße"],
    ["ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ", "aaaceeeeiioouuuy"],
    ["  Studio   A  —  Neve ", "studio a — neve"],
    ["tab\tand\nnew line", "tab and new line"],
    ["e\u0301cho", "echo"], // already decomposed input
    ["", ""],
  ])("%j → %j", (text, expected) => {
    expect(normalizeForSearch(text)).toBe(expected);
  });

  it.each([
    ["eloise", "Éloïse"],
    ["ELOISE", "éloïse"],
    ["repetition", "Salle de répétition"],
  ])("a typed %j is found in %j", (typed, stored) => {
    expect(normalizeForSearch(stored)).toContain(normalizeForSearch(typed));
  });
});

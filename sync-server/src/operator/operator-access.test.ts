import { describe, expect, it } from "vitest";
import { readOperatorConfig } from "./operator-config";
import { operatorLanguage } from "./operator-page-text";
import { bearerToken, isOperatorToken } from "./operator-token";

const TOKEN = "0123456789abcdef0123456789abcdef";

describe("operator token", () => {
  it.each([
    [TOKEN, true],
    [`${TOKEN}0`, false],
    [TOKEN.slice(0, -1), false],
    ["", false],
    [TOKEN.toUpperCase(), false],
  ])("%s matches: %s", (presented, ok) => {
    expect(isOperatorToken(TOKEN, presented)).toBe(ok);
  });

  it.each([
    ["Bearer abc", "abc"],
    ["Bearer   abc  ", "abc"],
    ["bearer abc", null],
    ["Basic abc", null],
    ["Bearer a b", null],
    [undefined, null],
  ])("%j carries %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    [{}, { token: null }],
    [{ OPERATOR_TOKEN: "  " }, { token: null }],
    [{ OPERATOR_TOKEN: ` ${TOKEN} ` }, { token: TOKEN }],
  ])("config %j", (env, expected) => {
    expect(readOperatorConfig(env)).toEqual(expected);
  });

  it("refuses a token too short to be a secret, saying how long it must be", () => {
    expect(() => readOperatorConfig({ OPERATOR_TOKEN: "secret" })).toThrow("OPERATOR_TOKEN must be at least 32 characters");
  });
});

describe("operatorLanguage", () => {
  it.each([
    ["fr-FR,fr;q=0.9,en;q=0.8", "fr"],
    ["en-US,en;q=0.9,fr;q=0.8", "en"],
    ["de-DE,fr;q=0.5,en;q=0.4", "fr"],
    ["en;q=0.4,fr;q=0.7", "fr"],
    ["fr;q=0", "en"],
    ["de", "en"],
    [undefined, "en"],
  ])("%j → %s", (header, lang) => {
    expect(operatorLanguage(header)).toBe(lang);
  });
});

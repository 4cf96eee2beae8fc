import { describe, expect, it } from "vitest";
import { basisPointsToInput, centsToInput, formatMoney, parseAmountToCents, parsePercentToBasisPoints } from "./money";

/** Intl puts no-break spaces (U+00A0, U+202F) in French amounts; compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describe("parseAmountToCents", () => {
  it.each([
    ["12,50", 1250],
    ["12.50", 1250],
    ["12,5", 1250],
    ["12", 1200],
    ["0", 0],
    ["0,05", 5],
    ["1 200,5", 120050],
    ["1\u202f200,50", 120050],
    ["1\u00a0200", 120000],
    ["€80", 8000],
    ["80 €", 8000],
    ["80€", 8000],
    ["£12.5", 1250],
    ["$ 19.99", 1999],
    ["CHF 40", 4000],
    ["  7  ", 700],
  ])("%j → %i cents", (text, cents) => {
    expect(parseAmountToCents(text)).toBe(cents);
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["€", "currency sign alone"],
    ["abc", "letters"],
    ["12abc", "trailing letters"],
    ["12,345", "three decimals"],
    ["12,", "dangling separator"],
    [",50", "no units"],
    ["12..5", "doubled separator"],
    ["1.200,50", "two kinds of separator"],
    ["-5", "negative"],
    ["1e3", "exponent"],
    ["99999999999999999999", "beyond safe integers"],
  ])("%j (%s) → null", (text) => {
    expect(parseAmountToCents(text)).toBeNull();
  });

  it.each([0, 5, 1250, 120050, 99_999_999])("reads back what formatMoney wrote in French: %i", (cents) => {
    expect(parseAmountToCents(formatMoney(cents, "EUR", "fr-FR"))).toBe(cents);
  });

  it.each([
    [1250, "fr", "12,50"],
    [1250, "en", "12.50"],
    [5, "fr-FR", "0,05"],
    [120000, "en-GB", "1200.00"],
  ])("centsToInput(%i, %s) → %j, and parses back", (cents, locale, text) => {
    expect(centsToInput(cents, locale)).toBe(text);
    expect(parseAmountToCents(text)).toBe(cents);
  });
});

describe("formatMoney", () => {
  it.each([
    [1250, "EUR", "fr-FR", "12,50 €"],
    [120050, "EUR", "fr-FR", "1 200,50 €"],
    [0, "EUR", "fr-FR", "0,00 €"],
    [1250, "GBP", "en-GB", "£12.50"],
    [120050, "GBP", "en-GB", "£1,200.50"],
    [1250, "EUR", "en-GB", "€12.50"],
    [1250, "USD", "en-GB", "US$12.50"],
    [4000, "CHF", "fr-FR", "40,00 CHF"],
  ])("%i %s in %s → %j", (cents, currency, locale, expected) => {
    expect(plain(formatMoney(cents, currency, locale))).toBe(expected);
  });
});

describe("basis points", () => {
  it.each([
    ["20", 2000],
    ["20 %", 2000],
    ["5,5", 550],
    ["5,5 %", 550],
    ["5,5\u00a0%", 550],
    ["5.5%", 550],
    ["2,10", 210],
    ["0,01", 1],
    ["0", 0],
    ["100", 10000],
  ])("parsePercentToBasisPoints(%j) → %i", (text, bp) => {
    expect(parsePercentToBasisPoints(text)).toBe(bp);
  });

  it.each(["", "%", "abc", "-5", "5,555", "100,01", "101", "1000", "5,5,5"])("parsePercentToBasisPoints(%j) → null", (text) => {
    expect(parsePercentToBasisPoints(text)).toBeNull();
  });

  it.each([
    [2000, "fr", "20"],
    [550, "fr", "5,5"],
    [550, "en", "5.5"],
    [2050, "en", "20.5"],
    [2055, "fr", "20,55"],
    [10, "fr", "0,1"],
    [1, "en", "0.01"],
    [0, "fr", "0"],
    [10000, "en", "100"],
  ])("basisPointsToInput(%i, %s) → %j", (bp, locale, text) => {
    expect(basisPointsToInput(bp, locale)).toBe(text);
  });

  it.each(["fr", "en"])("every rate from 0 to 100 %% survives format → parse in %s", (locale) => {
    for (let bp = 0; bp <= 10000; bp++) {
      if (parsePercentToBasisPoints(basisPointsToInput(bp, locale)) !== bp) {
        throw new Error(`${bp} bp → ${basisPointsToInput(bp, locale)} → ${parsePercentToBasisPoints(basisPointsToInput(bp, locale))}`);
      }
    }
  });
});

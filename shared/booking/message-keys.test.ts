import { describe, expect, it } from "vitest";
// The dictionaries live with the renderer; this test only checks that every key the booking core
// can send has a French and an English text (the renderer's type check cannot see runtime keys).
import { en } from "../../renderer/src/i18n/en";
import { fr } from "../../renderer/src/i18n/fr";
import { BOOKING_RULE_CODES, bookingRuleMessageKey, type AppErrorCode } from "../errors";
import { BOOKING_STATUSES, BOOKING_TYPES } from "./booking-status";
import { BV } from "./booking-input";
import { RRULE_MESSAGES } from "./rrule";

/** The error codes the booking core adds. */
const BOOKING_ERROR_CODES: AppErrorCode[] = ["BOOKING_REFUSED", "INVALID_TRANSITION", "QUOTE_CHANGED"];

const KEYS = [
  ...BOOKING_ERROR_CODES.map((c) => `error.${c}`),
  ...BOOKING_RULE_CODES.map(bookingRuleMessageKey),
  ...BOOKING_STATUSES.map((s) => `booking.status.${s}`),
  ...BOOKING_TYPES.map((t) => `booking.type.${t}`),
  ...Object.values(BV),
  ...Object.values(RRULE_MESSAGES),
  "v.endAfterStart", "v.holdExpiry", "v.minMaxDuration", "v.policyTiers", "v.policyFromZero",
];

describe("booking message keys", () => {
  it.each(KEYS)("%s is translated in French and English", (key) => {
    expect((fr as Record<string, string>)[key], "fr").toBeTruthy();
    expect((en as Record<string, string>)[key], "en").toBeTruthy();
  });

  it.each(BOOKING_RULE_CODES)("%s uses the same placeholders in both languages", (code) => {
    const vars = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const key = bookingRuleMessageKey(code);
    expect(vars((en as Record<string, string>)[key]!)).toEqual(vars((fr as Record<string, string>)[key]!));
  });
});

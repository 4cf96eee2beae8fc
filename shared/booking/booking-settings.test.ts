import { describe, expect, it } from "vitest";
import { issuesOf } from "../schemas/schema-test-utils";
import { DEFAULT_BOOKING_SETTINGS, bookingSettingsSchema, updateBookingSettingsInput } from "./booking-settings";

const valid = DEFAULT_BOOKING_SETTINGS;

describe("booking settings", () => {
  it("accepts the defaults", () => {
    expect(issuesOf(bookingSettingsSchema, valid)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { path: string; message: string }[]]>([
    ["a limit", { unpaidBalanceLimitCents: 50_000 }, []],
    ["a hold of an hour", { holdExpiryHours: 1 }, []],
    ["no hold time", { holdExpiryHours: 0 }, [{ path: "holdExpiryHours", message: "v.atLeastOne" }]],
    ["a hold of two months", { holdExpiryHours: 1440 }, [{ path: "holdExpiryHours", message: "v.tooLarge" }]],
    ["a negative limit", { unpaidBalanceLimitCents: -1 }, [{ path: "unpaidBalanceLimitCents", message: "v.nonNegative" }]],
    [
      "two tiers at the same notice",
      { cancellationPolicy: { tiers: [{ minHoursBefore: 0, charge: "session", percentBp: 10000 }, { minHoursBefore: 0, charge: "deposit", percentBp: 0 }], noShowPercentBp: 10000 } },
      [{ path: "cancellationPolicy.tiers", message: "v.policyTiers" }],
    ],
    [
      "no tier down to the start",
      { cancellationPolicy: { tiers: [{ minHoursBefore: 24, charge: "deposit", percentBp: 10000 }], noShowPercentBp: 10000 } },
      [{ path: "cancellationPolicy.tiers", message: "v.policyFromZero" }],
    ],
    [
      "a share above 100 %",
      { cancellationPolicy: { tiers: [{ minHoursBefore: 0, charge: "session", percentBp: 10001 }], noShowPercentBp: 10000 } },
      [{ path: "cancellationPolicy.tiers.0.percentBp", message: "v.percent" }],
    ],
  ])("%s", (_label, patch, issues) => {
    expect(issuesOf(bookingSettingsSchema, { ...valid, ...patch })).toEqual(issues);
  });

  it("lets one setting change at a time", () => {
    expect(updateBookingSettingsInput.parse({ holdExpiryHours: 24 })).toEqual({ holdExpiryHours: 24 });
  });
});

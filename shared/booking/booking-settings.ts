import { z } from "zod";
import { V, basisPoints, cents } from "../schemas/common";
import { DEFAULT_HOLD_HOURS } from "./booking-limits";
import { DEFAULT_CANCELLATION_POLICY, type CancellationPolicy } from "./cancellation";

export const cancellationTierSchema = z.object({
  minHoursBefore: z.number({ message: V.required }).int(V.wholeNumber).min(0, V.nonNegative).max(24 * 365, V.tooLarge),
  charge: z.enum(["deposit", "session"], { message: V.invalid }),
  percentBp: basisPoints,
});

/** Tiers with distinct notice periods, one of them from 0 h so that every cancellation falls in a tier. */
export const cancellationPolicySchema = z
  .object({
    tiers: z.array(cancellationTierSchema).min(1, V.atLeastOne).max(10, V.tooLarge),
    noShowPercentBp: basisPoints,
  })
  .superRefine((p, ctx) => {
    const hours = p.tiers.map((t) => t.minHoursBefore);
    if (new Set(hours).size !== hours.length) ctx.addIssue({ code: "custom", message: "v.policyTiers", path: ["tiers"] });
    else if (!hours.includes(0)) ctx.addIssue({ code: "custom", message: "v.policyFromZero", path: ["tiers"] });
  }) satisfies z.ZodType<CancellationPolicy, unknown>;

/** The studio's booking settings (stored on the studio row, synced like its other fields). */
export const bookingSettingsSchema = z.object({
  holdExpiryHours: z.number({ message: V.required }).int(V.wholeNumber).min(1, V.atLeastOne).max(24 * 30, V.tooLarge),
  cancellationPolicy: cancellationPolicySchema,
  /** Above this unpaid balance, booking for the client is warned about; null for no limit. */
  unpaidBalanceLimitCents: cents.nullable(),
});
export type BookingSettings = z.infer<typeof bookingSettingsSchema>;
export const updateBookingSettingsInput = bookingSettingsSchema.partial();

export const DEFAULT_BOOKING_SETTINGS: BookingSettings = {
  holdExpiryHours: DEFAULT_HOLD_HOURS,
  cancellationPolicy: DEFAULT_CANCELLATION_POLICY,
  unpaidBalanceLimitCents: null,
};

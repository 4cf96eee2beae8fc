import { z } from "zod";
import { V, cents, idSchema, isoDate, optionalText } from "../schemas/common";
import { PAYMENT_METHODS } from "./billing";

/** Money received at the desk for a booking: it goes where shared/documents/payment-allocation.ts says. */
export const recordBookingPaymentInput = z.object({
  bookingId: idSchema,
  amountCents: cents.refine((c) => c > 0, V.atLeastOne),
  method: z.enum(PAYMENT_METHODS),
  receivedOn: isoDate.optional(),
  reference: optionalText(120),
});

export const listPaymentsInput = z.object({ invoiceId: idSchema.optional(), clientId: idSchema.optional(), bookingId: idSchema.optional() }).default({});

import type { BookingFailure, CandidateBooking, CheckContext } from "../booking-types";
import { ruleFailure } from "../rule-failure";

/**
 * Rule 8: the client exists and is not archived; a balance left unpaid above the studio's limit is
 * a warning, not a refusal (the front desk decides, and may take a payment first).
 */
export function checkClient(c: CandidateBooking, ctx: CheckContext): BookingFailure[] {
  if (c.clientId === null) return [];
  const client = ctx.client;
  if (!client || client.id !== c.clientId || !client.active) {
    return [ruleFailure("CLIENT_UNAVAILABLE", { client: client?.name ?? c.clientId })];
  }
  if (ctx.unpaidLimitCents !== null && client.unpaidCents > ctx.unpaidLimitCents) {
    return [ruleFailure("CLIENT_OVER_LIMIT", { client: client.name, balanceCents: client.unpaidCents, limitCents: ctx.unpaidLimitCents })];
  }
  return [];
}

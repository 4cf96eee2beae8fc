import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../main/core/router/app-router";

/** The booking shapes the core sends, as the screens read them. */
type Out = inferRouterOutputs<AppRouter>["bookings"];
export type CalendarView = Out["view"];
export type CalendarLocation = CalendarView["locations"][number];
export type CalendarRoom = CalendarLocation["rooms"][number];
export type CalendarBooking = CalendarView["bookings"][number];
export type BookingDetail = Out["get"];
export type CheckOutcome = Out["check"];
export type BookingFailure = CheckOutcome["failures"][number];
export type PriceBreakdown = CheckOutcome["price"];
export type OccurrenceCheck = Out["checkSeries"]["occurrences"][number];

import { wallDate, wallTime } from "../../zoned-time";
import type { ExistingBooking } from "../booking-types";

export interface BookedParams {
  by: string;
  date: string;
  from: string;
  to: string;
  busyFrom: string;
  busyTo: string;
}

/** How the other booking is named in a refusal: "Studio A is booked 14:00–16:00 by Label Nuit Blanche". */
export function bookedParams(e: ExistingBooking, timeZone: string): BookedParams {
  return {
    by: e.label,
    date: wallDate(timeZone, e.startMs),
    from: wallTime(timeZone, e.startMs),
    to: wallTime(timeZone, e.endMs),
    // With setup and teardown: the reason when only the buffers collide.
    busyFrom: wallTime(timeZone, e.occupiedFromMs),
    busyTo: wallTime(timeZone, e.occupiedUntilMs),
  };
}

import { zonedToInstant } from "../../../shared/zoned-time";

/**
 * The first Wednesday at least `daysAhead` days from now, at `hour` on Paris' wall clock: a day the
 * sign-up location is open (10:00–22:00) whatever day the tests run on.
 */
export function parisWednesday(hour: number, daysAhead = 21): string {
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  return new Date(zonedToInstant("Europe/Paris", day.toISOString().slice(0, 10), hour * 60)).toISOString();
}

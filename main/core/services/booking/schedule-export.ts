import type { CalendarBooking } from "./booking-views";
import { buildCalendar, type IcsEvent } from "../../../../shared/booking/ics";

/** The .ics of an engineer's bookings: one VEVENT per booking, its UID stable so re-imports update it. */
export function scheduleToIcs(staffName: string, bookings: CalendarBooking[], nowMs: number): { filename: string; text: string } {
  const events: IcsEvent[] = bookings.map((b) => ({
    uid: `${b.id}@recording-studio-manager`,
    startMs: Date.parse(b.startsAt),
    endMs: Date.parse(b.endsAt),
    summary: [b.rooms.map((r) => r.name).join(" + "), b.label].filter(Boolean).join(" — "),
    location: b.locationName,
    description: [b.projectName, b.title && b.title !== b.label ? b.title : null, b.staff.length > 1 ? b.staff.map((s) => s.name).join(", ") : null]
      .filter(Boolean)
      .join("\n") || null,
    status: b.status === "hold" ? "TENTATIVE" : b.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    lastModifiedMs: null,
  }));
  const slug = staffName.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return { filename: `schedule-${slug || "staff"}.ics`, text: buildCalendar({ name: staffName, events, nowMs }) };
}

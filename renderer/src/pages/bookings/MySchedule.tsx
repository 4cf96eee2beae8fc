import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type CSSProperties } from "react";
import { wallDate } from "../../../../shared/zoned-time";
import { saveFile } from "../../api/desktop";
import { EmptyState } from "../../components/EmptyState";
import { Icon } from "../../components/Icon";
import { BookingDrawer } from "../../forms/booking/BookingDrawer";
import { useLocale, useT } from "../../i18n";
import { useBookingErrorText } from "../../lib/booking-errors";
import { STATUS_TONE } from "../../lib/booking-status";
import type { CalendarBooking } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { useEditor } from "../../lib/use-editor";
import { browserTimeZone, capitalize, formatDate, formatTime, todayIn } from "../../lib/zoned-format";
import { useCalendarStore } from "../../store/calendar-store";
import { useUiStore } from "../../store/ui-store";

const SPANS = [7, 14, 28, 90] as const;

/** An engineer's upcoming sessions day by day, and their agenda as an .ics file for their phone. */
export function MySchedule() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const editor = useEditor("schedule");
  const staffId = useCalendarStore((s) => s.scheduleStaffId);
  const setStaffId = useCalendarStore((s) => s.setScheduleStaffId);
  const [days, setDays] = useState<(typeof SPANS)[number]>(14);
  const [exporting, setExporting] = useState(false);
  const staff = useQuery(trpc.staff.list.queryOptions({})).data ?? [];
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency ?? "EUR";
  const errorText = useBookingErrorText(currency);
  const person = staff.find((s) => s.id === staffId) ?? null;
  const zoneOf = (id: string | null) => locations.find((l) => l.id === id)?.timeZone ?? locations[0]?.timeZone ?? browserTimeZone();
  const homeZone = zoneOf(person?.locationId ?? null);
  const from = todayIn(homeZone);
  const schedule = useQuery(trpc.bookings.schedule.queryOptions({ staffId: person?.id ?? "", from, days }, { enabled: person !== null }));
  const sessions = schedule.data ?? [];

  // Sessions grouped by their own location's calendar day.
  const byDay = new Map<string, CalendarBooking[]>();
  for (const b of sessions) {
    const day = wallDate(zoneOf(b.locationId), Date.parse(b.startsAt));
    byDay.set(day, [...(byDay.get(day) ?? []), b]);
  }

  const exportIcs = async () => {
    if (!person) return;
    setExporting(true);
    try {
      const file = await queryClient.fetchQuery(trpc.bookings.exportIcs.queryOptions({ staffId: person.id }, { staleTime: 0 }));
      if (await saveFile(file.filename, file.text, "text/calendar")) toast(t("schedule.exported", { name: person.name }));
    } catch (error) {
      toast(errorText(error), "error");
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div className="card">
        <div className="toolbar">
          <label className="inline-field">{t("schedule.who")}
            <select className="input filter-select" value={staffId ?? ""} onChange={(e) => setStaffId(e.target.value || null)}>
              <option value="">{t("schedule.pick")}</option>
              {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </select>
          </label>
          <div className="segmented" role="group" aria-label={t("schedule.span")}>
            {SPANS.map((n) => <button key={n} type="button" aria-pressed={days === n} onClick={() => setDays(n)}>{t("schedule.days", { n })}</button>)}
          </div>
          <span className="grow" />
          <button type="button" className="btn" disabled={!person || exporting} onClick={() => void exportIcs()}>
            <Icon name="download" size={16} />{t("schedule.export")}
          </button>
        </div>
        {!person ? (
          <EmptyState icon="mic" title={t("schedule.pickTitle")} body={t("schedule.pickBody")} />
        ) : schedule.isSuccess && sessions.length === 0 ? (
          <EmptyState icon="calendar" title={t("schedule.empty.title", { name: person.name })} body={t("schedule.empty.body", { n: days })} />
        ) : (
          <div className="agenda" data-testid="agenda">
            {[...byDay.entries()].map(([day, list]) => (
              <section key={day} className="agenda-day" aria-label={formatDate(day, locale, "dayMonth")}>
                <h3 className={day === from ? "today" : ""}>
                  {capitalize(formatDate(day, locale, "dayMonth"))}
                  {day === from && <span className="badge accent">{t("calendar.today")}</span>}
                  <span className="subtle">{t("schedule.sessions", { n: list.length })}</span>
                </h3>
                {list.map((b) => {
                  const tz = zoneOf(b.locationId);
                  const others = b.staff.filter((s) => s.id !== person.id);
                  return (
                    <button key={b.id} type="button" className="agenda-item" onClick={() => editor.open(b.id)} style={{ "--room": b.colour } as CSSProperties}>
                      <span className="agenda-time">{formatTime(b.startsAt, tz, locale)}<br /><span className="subtle">{formatTime(b.endsAt, tz, locale)}</span></span>
                      <span className="agenda-main">
                        <span className="cell-main">{b.label || b.title || t("booking.untitled")}</span>
                        <span className="cell-sub">
                          {[b.rooms.map((r) => r.name).join(" + "), b.locationName, b.projectName, others.length ? t("schedule.with", { names: others.map((s) => s.name).join(", ") }) : null].filter(Boolean).join(" · ")}
                        </span>
                      </span>
                      <span className={`badge status ${STATUS_TONE[b.status]}`}>{t(`booking.status.${b.status}`)}</span>
                    </button>
                  );
                })}
              </section>
            ))}
          </div>
        )}
      </div>
      {editor.editing && editor.editing !== "new" && locations[0] && (
        <BookingDrawer bookingId={editor.editing} prefill={null} fallback={{ locationId: locations[0].id, date: from }} onClose={editor.close} />
      )}
    </>
  );
}

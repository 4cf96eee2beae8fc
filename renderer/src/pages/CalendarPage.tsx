import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { mondayOf } from "../../../shared/zoned-time";
import { CalendarGrid } from "../components/calendar/CalendarGrid";
import { CalendarLegend } from "../components/calendar/CalendarLegend";
import { CalendarToolbar, CalendarViewPicker } from "../components/calendar/CalendarToolbar";
import { useBookingMove } from "../components/calendar/use-booking-move";
import type { DropResult } from "../components/calendar/use-calendar-drag";
import { EmptyState } from "../components/EmptyState";
import { Icon } from "../components/Icon";
import { BookingDrawer } from "../forms/booking/BookingDrawer";
import type { BookingPrefill } from "../forms/booking/booking-form-values";
import { useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import { useAccess } from "../lib/use-can";
import { useEditor } from "../lib/use-editor";
import { browserTimeZone, todayIn } from "../lib/zoned-format";
import { useCalendarStore } from "../store/calendar-store";
import { useUiStore } from "../store/ui-store";

/** The bookings calendar: day or week, one location's rooms or every location side by side. */
export function CalendarPage() {
  const t = useT();
  const trpc = useTRPC();
  const navigate = useUiStore((s) => s.navigate);
  const cal = useCalendarStore();
  const access = useAccess();
  const [prefill, setPrefill] = useState<BookingPrefill | null>(null);
  const locations = useQuery(trpc.locations.list.queryOptions({})).data;
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency ?? "EUR";

  const all = cal.location === "all" && (locations?.length ?? 0) > 1;
  // Until someone picks one, the studio's first location (its home) rather than the first by name.
  const home = locations?.reduce<(typeof locations)[number] | undefined>((first, l) => (!first || l.createdAt < first.createdAt ? l : first), undefined);
  const location = locations?.find((l) => l.id === cal.location) ?? home;
  const timeZone = location?.timeZone ?? browserTimeZone();
  const today = todayIn(timeZone);
  const date = cal.date ?? today;
  const start = cal.mode === "week" ? mondayOf(date) : date;
  const zoneOf = (id: string) => locations?.find((l) => l.id === id)?.timeZone ?? timeZone;
  const mover = useBookingMove(currency, zoneOf);
  const canCreate = access.can("booking.create", location?.id);
  const editor = useEditor(undefined, canCreate);

  const view = useQuery(
    trpc.bookings.view.queryOptions(
      { date: start, days: cal.mode === "week" ? 7 : 1, locationId: all ? undefined : location?.id, includeCancelled: cal.showCancelled || undefined },
      { enabled: location !== undefined, placeholderData: keepPreviousData },
    ),
  );

  // A drag the person's role does not allow: nothing is created, and a moved booking just opens.
  const onDrop = (result: DropResult, refused: string | null) => {
    if (result.kind === "open") editor.open(result.booking.id);
    else if (result.kind === "create") {
      if (!access.can("booking.create", result.column.location.id)) return;
      setPrefill({
        locationId: result.column.location.id, roomIds: [result.column.room.id],
        startsAt: new Date(result.startMs).toISOString(), endsAt: new Date(result.endMs).toISOString(),
      });
      editor.open("new");
    } else if (!access.can("booking.edit", result.booking.locationId)) editor.open(result.booking.id);
    else mover.request({ booking: result.booking, startMs: result.startMs, endMs: result.endMs, roomIds: result.roomIds }, refused);
  };

  const closeDrawer = () => {
    setPrefill(null);
    editor.close();
  };

  const roomCount = view.data?.locations.reduce((n, l) => n + l.rooms.length, 0) ?? 0;
  return (
    <div className="calendar-page">
      <div className="page-head">
        <h1>{t("calendar.title")}</h1>
        <div className="actions">
          {locations && locations.length > 0 && (
            <CalendarViewPicker mode={cal.mode} onMode={cal.setMode} locations={locations} location={all ? "all" : location?.id ?? ""} onLocation={cal.setLocation} />
          )}
          {canCreate && (
            <button className="btn primary" disabled={!location} onClick={() => { setPrefill(null); editor.open("new"); }}>
              <Icon name="plus" size={16} />{t("booking.new")}
            </button>
          )}
        </div>
      </div>
      {locations && locations.length === 0 ? (
        <div className="card">
          <EmptyState icon="pin" title={t("calendar.noLocation.title")} body={t("calendar.noLocation.body")}
            action={<button className="btn primary" onClick={() => navigate({ page: "rooms", tab: "locations" })}>{t("locations.new")}</button>} />
        </div>
      ) : (
        <div className="card cal-card">
          <CalendarToolbar mode={cal.mode} start={start} date={date} today={today} onDate={cal.setDate} />
          {view.data && roomCount === 0 && (
            <EmptyState icon="rooms" title={t("calendar.noRooms.title")} body={t("calendar.noRooms.body")}
              action={<button className="btn primary" onClick={() => navigate({ page: "rooms", tab: "rooms" })}>{t("rooms.new")}</button>} />
          )}
          {view.data && roomCount > 0 && (
            <CalendarGrid view={view.data} mode={cal.mode} showCancelled={cal.showCancelled} currency={currency} onDrop={onDrop} />
          )}
          {!view.data && <div className="cal-loading subtle">{t("common.loading")}</div>}
          <CalendarLegend showCancelled={cal.showCancelled} onShowCancelled={cal.setShowCancelled} />
        </div>
      )}
      {editor.editing && location && (
        <BookingDrawer
          bookingId={editor.editing === "new" ? null : editor.editing}
          prefill={editor.editing === "new" ? prefill : null}
          fallback={{ locationId: location.id, date }}
          onClose={closeDrawer}
        />
      )}
      {mover.dialog}
    </div>
  );
}

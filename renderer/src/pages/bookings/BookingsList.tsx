import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState } from "react";
import { BOOKING_STATUSES, type BookingStatus } from "../../../../shared/booking/booking-status";
import type { BOOKING_SORTS } from "../../../../shared/booking/booking-queries";
import { formatMoney } from "../../../../shared/money";
import { DataTable, type Column, type SortState } from "../../components/DataTable";
import { EmptyState } from "../../components/EmptyState";
import { BookingDrawer } from "../../forms/booking/BookingDrawer";
import { useLocale, useT } from "../../i18n";
import { STATUS_TONE } from "../../lib/booking-status";
import type { CalendarBooking } from "../../lib/booking-types";
import { useTRPC } from "../../lib/trpc";
import { useAccess } from "../../lib/use-can";
import { useEditor } from "../../lib/use-editor";
import { browserTimeZone, formatDayOf, formatTime, todayIn } from "../../lib/zoned-format";

type Sort = (typeof BOOKING_SORTS)[number];
const PAGE = 100;

interface Filters {
  search: string;
  from: string;
  to: string;
  locationId: string;
  roomId: string;
  staffId: string;
  clientId: string;
  statuses: BookingStatus[];
}

/** Every booking with filters (dates, location, room, engineer, client, status), search, sort and pages. */
export function BookingsList() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const access = useAccess();
  const editor = useEditor(undefined, access.can("booking.create"));
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const rooms = useQuery(trpc.rooms.list.queryOptions({})).data ?? [];
  const staff = useQuery(trpc.staff.list.queryOptions({})).data ?? [];
  const clients = useQuery(trpc.clients.list.queryOptions({ sort: "name" })).data ?? [];
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency ?? "EUR";
  const zone = locations[0]?.timeZone ?? browserTimeZone();
  const [f, setF] = useState<Filters>({ search: "", from: todayIn(zone), to: "", locationId: "", roomId: "", staffId: "", clientId: "", statuses: [] });
  const [sort, setSort] = useState<SortState>({ sort: "startsAt", direction: "asc" });
  const [page, setPage] = useState(0);
  const search = useDeferredValue(f.search.trim());
  const set = <K extends keyof Filters>(k: K, value: Filters[K]) => {
    setF((cur) => ({ ...cur, [k]: value, ...(k === "locationId" ? { roomId: "" } : {}) }));
    setPage(0);
  };

  const list = useQuery(
    trpc.bookings.list.queryOptions(
      {
        search: search || undefined, from: f.from || undefined, to: f.to || undefined, locationId: f.locationId || undefined, roomId: f.roomId || undefined,
        staffId: f.staffId || undefined, clientId: f.clientId || undefined, statuses: f.statuses.length ? f.statuses : undefined,
        sort: sort.sort as Sort, direction: sort.direction, limit: PAGE, offset: page * PAGE,
      },
      { placeholderData: keepPreviousData },
    ),
  );
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;
  const zoneOf = (id: string) => locations.find((l) => l.id === id)?.timeZone ?? zone;
  const toggleStatus = (s: BookingStatus) => set("statuses", f.statuses.includes(s) ? f.statuses.filter((x) => x !== s) : [...f.statuses, s]);

  const columns: Column<CalendarBooking>[] = [
    {
      key: "when", header: t("bookings.col.when"), sortKey: "startsAt", className: "nowrap",
      render: (b) => (
        <>
          <div className="cell-main">{formatDayOf(b.startsAt, zoneOf(b.locationId), locale)}</div>
          <div className="cell-sub">{formatTime(b.startsAt, zoneOf(b.locationId), locale)}–{formatTime(b.endsAt, zoneOf(b.locationId), locale)}</div>
        </>
      ),
    },
    {
      key: "who", header: t("bookings.col.who"), sortKey: "client",
      render: (b) => (
        <>
          <div className="cell-main">{b.label || t("booking.untitled")}{b.seriesId && <> <span className="badge muted">{t("series.short")}</span></>}</div>
          {(b.projectName || (b.title && b.title !== b.label)) && <div className="cell-sub">{[b.title !== b.label ? b.title : null, b.projectName].filter(Boolean).join(" · ")}</div>}
        </>
      ),
    },
    {
      key: "rooms", header: t("bookings.col.rooms"),
      render: (b) => (
        <>
          <div>{b.rooms.map((r) => <span key={r.id} className="room-tag"><span className="swatch" style={{ background: r.colour }} />{r.name}</span>)}</div>
          <div className="cell-sub">{b.locationName}</div>
        </>
      ),
    },
    { key: "staff", header: t("bookings.col.staff"), render: (b) => (b.staff.length ? b.staff.map((s) => s.name).join(", ") : <span className="muted">{t("common.none")}</span>) },
    {
      key: "status", header: t("bookings.col.status"), sortKey: "status", className: "nowrap",
      render: (b) => <span className={`badge status ${STATUS_TONE[b.status]}`}>{b.holdExpired ? t("booking.holdExpired") : t(`booking.status.${b.status}`)}</span>,
    },
    { key: "total", header: t("bookings.col.total"), sortKey: "total", className: "num", hidden: !access.can("finance.view"), render: (b) => formatMoney(b.totalCents, b.currency, locale) },
  ];

  const filtered = Boolean(search || f.to || f.locationId || f.roomId || f.staffId || f.clientId || f.statuses.length);
  const roomsShown = f.locationId ? rooms.filter((r) => r.locationId === f.locationId) : rooms;
  const fallbackLocation = locations[0];

  return (
    <>
      <div className="muted list-count" data-testid="list-count" data-count={total}>{t("bookings.count", { n: total })}</div>
      <div className="card">
        <div className="toolbar filters">
          <input className="input search-input" type="search" placeholder={t("bookings.search")} aria-label={t("common.search")} value={f.search}
            onChange={(e) => set("search", e.target.value)} />
          <label className="inline-field">{t("bookings.from")}
            <input className="input date-input" type="date" value={f.from} onChange={(e) => set("from", e.target.value)} />
          </label>
          <label className="inline-field">{t("bookings.to")}
            <input className="input date-input" type="date" value={f.to} onChange={(e) => set("to", e.target.value)} />
          </label>
          <select className="input filter-select" aria-label={t("common.location")} value={f.locationId} onChange={(e) => set("locationId", e.target.value)}>
            <option value="">{t("common.allLocations")}</option>
            {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
          <select className="input filter-select" aria-label={t("bookings.filter.room")} value={f.roomId} onChange={(e) => set("roomId", e.target.value)}>
            <option value="">{t("bookings.filter.allRooms")}</option>
            {roomsShown.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
          <select className="input filter-select" aria-label={t("bookings.filter.staff")} value={f.staffId} onChange={(e) => set("staffId", e.target.value)}>
            <option value="">{t("bookings.filter.allStaff")}</option>
            {staff.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <select className="input filter-select" aria-label={t("bookings.filter.client")} value={f.clientId} onChange={(e) => set("clientId", e.target.value)}>
            <option value="">{t("bookings.filter.allClients")}</option>
            {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <div className="toolbar status-filter" role="group" aria-label={t("bookings.filter.status")}>
          <span className="subtle">{t("bookings.filter.status")}</span>
          {BOOKING_STATUSES.map((s) => (
            <button key={s} type="button" className={`chip status ${STATUS_TONE[s]}`} aria-pressed={f.statuses.includes(s)} onClick={() => toggleStatus(s)}>
              {t(`booking.status.${s}`)}
            </button>
          ))}
          <span className="grow" />
          {(filtered || f.from) && (
            <button type="button" className="btn small ghost" onClick={() => { setF({ search: "", from: "", to: "", locationId: "", roomId: "", staffId: "", clientId: "", statuses: [] }); setPage(0); }}>
              {t("bookings.clearFilters")}
            </button>
          )}
        </div>
        {list.isSuccess && rows.length === 0 ? (
          filtered || f.from ? (
            <div className="empty"><p>{t("bookings.noMatch")}</p></div>
          ) : (
            <EmptyState icon="calendar" title={t("bookings.empty.title")} body={t("bookings.empty.body")} />
          )
        ) : (
          <DataTable label={t("bookings.title")} columns={columns} rows={rows} sort={sort} onSort={(s) => { setSort(s); setPage(0); }} onOpen={(r) => editor.open(r.id)} />
        )}
        {total > PAGE && (
          <div className="table-foot pager">
            <button type="button" className="btn small" disabled={page === 0} onClick={() => setPage(page - 1)}>{t("common.back")}</button>
            <span>{t("bookings.page", { from: page * PAGE + 1, to: Math.min(total, (page + 1) * PAGE), total })}</span>
            <button type="button" className="btn small" disabled={(page + 1) * PAGE >= total} onClick={() => setPage(page + 1)}>{t("common.next")}</button>
          </div>
        )}
      </div>
      {editor.editing && fallbackLocation && (
        <BookingDrawer
          bookingId={editor.editing === "new" ? null : editor.editing}
          prefill={null}
          fallback={{ locationId: fallbackLocation.id, date: todayIn(fallbackLocation.timeZone) }}
          onClose={editor.close}
        />
      )}
    </>
  );
}

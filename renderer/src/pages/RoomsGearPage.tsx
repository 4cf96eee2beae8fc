import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { formatMoney } from "../../../shared/money";
import type { EquipmentFields } from "../../../shared/schemas/equipment";
import type { RoomFields } from "../../../shared/schemas/room";
import { DataTable, type Column } from "../components/DataTable";
import { EmptyState } from "../components/EmptyState";
import { Icon } from "../components/Icon";
import { ListToolbar } from "../components/ListToolbar";
import { EquipmentForm } from "../forms/EquipmentForm";
import { LocationForm } from "../forms/LocationForm";
import { RoomForm } from "../forms/RoomForm";
import { useLocale, useT } from "../i18n";
import type { Permission } from "../../../shared/permissions/permissions";
import { useTRPC } from "../lib/trpc";
import { useAccess, useCan } from "../lib/use-can";
import type { EquipmentRow, LocationRow, RoomRow } from "../lib/types";
import { useEditor } from "../lib/use-editor";
import { useListState } from "../lib/use-list-state";
import { useUiStore } from "../store/ui-store";

const TABS = ["rooms", "equipment", "locations"] as const;
type Tab = (typeof TABS)[number];
/** Who may add and edit each tab's records; everyone else sees the lists only. */
const TAB_NEEDS = { rooms: "room.manage", equipment: "equipment.manage", locations: "location.manage" } as const satisfies Record<Tab, Permission>;

export function RoomsGearPage() {
  const t = useT();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const tab: Tab = (TABS as readonly string[]).includes(route.tab ?? "") ? (route.tab as Tab) : "rooms";
  const newLabel = { rooms: t("rooms.new"), equipment: t("equipment.new"), locations: t("locations.new") }[tab];
  const access = useAccess();
  const canNew = access.can(TAB_NEEDS[tab]);
  return (
    <>
      <div className="page-head">
        <h1>{t("rooms.title")}</h1>
        {canNew && (
          <div className="actions">
            <button className="btn primary" onClick={() => window.dispatchEvent(new Event("studio:new"))}><Icon name="plus" size={16} />{newLabel}</button>
          </div>
        )}
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} role="tab" className="tab" aria-selected={tab === id} onClick={() => navigate({ page: "rooms", tab: id })}>
            {t(`rooms.tab.${id}`)}
          </button>
        ))}
      </div>
      {tab === "rooms" && <RoomsTab />}
      {tab === "equipment" && <EquipmentTab />}
      {tab === "locations" && <LocationsTab />}
    </>
  );
}

function LocationFilter({ locations, value, onChange }: { locations: LocationRow[]; value: string; onChange(v: string): void }) {
  const t = useT();
  return (
    <select className="input" style={{ width: 240 }} aria-label={t("common.location")} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{t("common.allLocations")}</option>
      {locations.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
    </select>
  );
}

function useLocationsAndCurrency() {
  const trpc = useTRPC();
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency ?? "EUR";
  return { locations, currency };
}

function RoomsTab() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const list = useListState();
  const manage = useCan("room.manage");
  const money = useCan("finance.view");
  const editor = useEditor("rooms", manage);
  const [locationId, setLocationId] = useState("");
  const { locations, currency } = useLocationsAndCurrency();
  const rooms = useQuery(trpc.rooms.list.queryOptions({ ...list.query, locationId: locationId || undefined }));
  const rows = rooms.data ?? [];
  const editingId = editor.editing && editor.editing !== "new" ? editor.editing : null;
  const selected = useQuery(trpc.rooms.get.queryOptions({ id: editingId ?? "" }, { enabled: editingId !== null })).data;
  const locationName = (id: string) => locations.find((l) => l.id === id)?.name ?? "";

  const columns: Column<RoomRow>[] = [
    {
      key: "name", header: t("common.name"), sortKey: "name",
      render: (r) => (
        <>
          <div className="cell-main"><span className="swatch" style={{ background: r.colour }} />{r.name}
            {!r.bookable && <> <span className="badge muted">{t("rooms.notBookable")}</span></>}
            {r.archivedAt && <> <span className="badge muted">{t("common.archived")}</span></>}</div>
          <div className="cell-sub">{locationName(r.locationId)}</div>
        </>
      ),
    },
    { key: "type", header: t("rooms.type"), sortKey: "type", render: (r) => <span className="badge accent">{t(`rooms.type.${r.type as RoomFields["type"]}`)}</span> },
    { key: "capacity", header: t("rooms.capacityShort"), sortKey: "capacity", className: "num", render: (r) => r.capacity },
    { key: "hourly", header: t("rooms.hourlyRate"), sortKey: "hourlyRate", className: "num", hidden: !money, render: (r) => formatMoney(r.hourlyRateCents, currency, locale) },
    { key: "day", header: t("rooms.dayRate"), className: "num", hidden: !money, render: (r) => formatMoney(r.dayRateCents, currency, locale) },
    { key: "buffers", header: t("rooms.buffers"), className: "num", render: (r) => `${r.setupMinutes} / ${r.teardownMinutes} ${t("common.minutes")}` },
  ];

  return (
    <div className="card">
      <ListToolbar search={list.search} onSearch={list.setSearch} showArchived={list.showArchived} onShowArchived={list.setShowArchived}>
        <LocationFilter locations={locations} value={locationId} onChange={setLocationId} />
      </ListToolbar>
      {rooms.isSuccess && rows.length === 0 ? (
        <EmptyState icon="rooms" title={t("rooms.empty.title")} body={locations.length ? t("rooms.empty.body") : t("rooms.needLocation")}
          action={locations.length && manage ? <button className="btn primary" onClick={() => editor.open("new")}>{t("rooms.new")}</button> : undefined} />
      ) : (
        <DataTable label={t("rooms.tab.rooms")} columns={columns} rows={rows} sort={list.sort} onSort={list.setSort} onOpen={(r) => manage && editor.open(r.id)} />
      )}
      {editor.editing === "new" && locations.length > 0 && <RoomForm room={null} locations={locations} defaultLocationId={locationId || undefined} currency={currency} onClose={editor.close} />}
      {editingId && selected?.id === editingId && <RoomForm key={selected.id} room={selected} locations={locations} currency={currency} onClose={editor.close} />}
    </div>
  );
}

function EquipmentTab() {
  const t = useT();
  const locale = useLocale();
  const trpc = useTRPC();
  const list = useListState();
  const manage = useCan("equipment.manage");
  const money = useCan("finance.view");
  const editor = useEditor("equipment", manage);
  const [locationId, setLocationId] = useState("");
  const { locations, currency } = useLocationsAndCurrency();
  const gear = useQuery(trpc.equipment.list.queryOptions({ ...list.query, locationId: locationId || undefined }));
  const rows = gear.data ?? [];
  const editingId = editor.editing && editor.editing !== "new" ? editor.editing : null;
  const selected = useQuery(trpc.equipment.get.queryOptions({ id: editingId ?? "" }, { enabled: editingId !== null })).data;
  const today = new Date().toISOString().slice(0, 10);

  const columns: Column<EquipmentRow>[] = [
    {
      key: "name", header: t("common.name"), sortKey: "name",
      render: (e) => (
        <>
          <div className="cell-main">{e.name} {e.archivedAt && <span className="badge muted">{t("common.archived")}</span>}</div>
          <div className="cell-sub">{e.serialNumber ?? t("common.none")} · {locations.find((l) => l.id === e.locationId)?.name}</div>
        </>
      ),
    },
    { key: "category", header: t("equipment.category"), sortKey: "category", render: (e) => <span className="badge">{t(`equipment.category.${e.category as EquipmentFields["category"]}`)}</span> },
    { key: "quantity", header: t("equipment.quantity"), sortKey: "quantity", className: "num", render: (e) => e.quantity },
    { key: "rate", header: t("equipment.dailyRate"), className: "num", hidden: !money, render: (e) => formatMoney(e.dailyRateCents, currency, locale) },
    {
      key: "next", header: t("equipment.nextMaintenance"), sortKey: "nextMaintenance",
      render: (e) => e.nextMaintenance ? (
        <span className={e.nextMaintenance <= today ? "badge warn" : ""}>
          {new Date(`${e.nextMaintenance}T12:00:00`).toLocaleDateString(locale, { dateStyle: "medium" })}
          {e.nextMaintenance <= today && ` · ${t("equipment.maintenanceDue")}`}
        </span>
      ) : <span className="muted">{t("common.none")}</span>,
    },
  ];

  return (
    <div className="card">
      <ListToolbar search={list.search} onSearch={list.setSearch} showArchived={list.showArchived} onShowArchived={list.setShowArchived}>
        <LocationFilter locations={locations} value={locationId} onChange={setLocationId} />
      </ListToolbar>
      {gear.isSuccess && rows.length === 0 ? (
        <EmptyState icon="mic" title={t("equipment.empty.title")} body={locations.length ? t("equipment.empty.body") : t("rooms.needLocation")}
          action={locations.length && manage ? <button className="btn primary" onClick={() => editor.open("new")}>{t("equipment.new")}</button> : undefined} />
      ) : (
        <DataTable label={t("rooms.tab.equipment")} columns={columns} rows={rows} sort={list.sort} onSort={list.setSort} onOpen={(r) => manage && editor.open(r.id)} />
      )}
      {editor.editing === "new" && locations.length > 0 && <EquipmentForm item={null} locations={locations} defaultLocationId={locationId || undefined} currency={currency} onClose={editor.close} />}
      {editingId && selected?.id === editingId && <EquipmentForm key={selected.id} item={selected} locations={locations} currency={currency} onClose={editor.close} />}
    </div>
  );
}

function LocationsTab() {
  const t = useT();
  const trpc = useTRPC();
  const list = useListState();
  const manage = useCan("location.manage");
  const editor = useEditor("locations", manage);
  const locations = useQuery(trpc.locations.list.queryOptions(list.query));
  const rooms = useQuery(trpc.rooms.list.queryOptions({})).data ?? [];
  const rows = locations.data ?? [];
  const editingId = editor.editing && editor.editing !== "new" ? editor.editing : null;
  const selected = useQuery(trpc.locations.get.queryOptions({ id: editingId ?? "" }, { enabled: editingId !== null })).data;

  const columns: Column<LocationRow>[] = [
    {
      key: "name", header: t("common.name"), sortKey: "name",
      render: (l) => (
        <>
          <div className="cell-main">{l.name} {l.archivedAt && <span className="badge muted">{t("common.archived")}</span>}</div>
          <div className="cell-sub">{l.address ?? t("common.none")}</div>
        </>
      ),
    },
    { key: "tz", header: t("locations.timeZone"), sortKey: "timeZone", render: (l) => l.timeZone.replace(/_/g, " ") },
    { key: "rooms", header: t("rooms.tab.rooms"), render: (l) => t("locations.roomsCount", { n: rooms.filter((r) => r.locationId === l.id).length }) },
    { key: "phone", header: t("common.phone"), render: (l) => l.phone ?? t("common.none") },
  ];

  return (
    <div className="card">
      <ListToolbar search={list.search} onSearch={list.setSearch} showArchived={list.showArchived} onShowArchived={list.setShowArchived} />
      {locations.isSuccess && rows.length === 0 ? (
        <EmptyState icon="pin" title={t("locations.empty.title")} body={t("locations.empty.body")}
          action={manage ? <button className="btn primary" onClick={() => editor.open("new")}>{t("locations.new")}</button> : undefined} />
      ) : (
        <DataTable label={t("rooms.tab.locations")} columns={columns} rows={rows} sort={list.sort} onSort={list.setSort} onOpen={(r) => manage && editor.open(r.id)} />
      )}
      {editor.editing === "new" && <LocationForm location={null} onClose={editor.close} />}
      {editingId && selected?.id === editingId && <LocationForm key={selected.id} location={selected} onClose={editor.close} />}
    </div>
  );
}

import { Icon } from "../components/Icon";
import { useT } from "../i18n";
import { useCan } from "../lib/use-can";
import { useUiStore } from "../store/ui-store";
import { BookingsList } from "./bookings/BookingsList";
import { MySchedule } from "./bookings/MySchedule";

const TABS = ["list", "schedule"] as const;
type Tab = (typeof TABS)[number];

/** Every booking, filtered and sorted; and one engineer's agenda ("Mon planning"). */
export function BookingsPage() {
  const t = useT();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const tab: Tab = route.tab === "schedule" ? "schedule" : "list";
  const canCreate = useCan("booking.create");
  return (
    <>
      <div className="page-head bookings-head">
        <h1>{t("bookings.title")}</h1>
        {tab === "list" && canCreate && (
          <div className="actions">
            <button className="btn primary" onClick={() => window.dispatchEvent(new Event("studio:new"))}><Icon name="plus" size={16} />{t("booking.new")}</button>
          </div>
        )}
      </div>
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} role="tab" className="tab" aria-selected={tab === id} onClick={() => navigate({ page: "bookings", ...(id === "list" ? {} : { tab: id }) })}>
            {t(`bookings.tab.${id}`)}
          </button>
        ))}
      </div>
      {tab === "list" ? <BookingsList /> : <MySchedule />}
    </>
  );
}

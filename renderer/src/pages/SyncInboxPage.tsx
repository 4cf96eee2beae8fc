import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EmptyState } from "../components/EmptyState";
import { BookingDrawer } from "../forms/booking/BookingDrawer";
import { CancelDialog } from "../forms/booking/CancelDialog";
import { useT } from "../i18n";
import { useTRPC } from "../lib/trpc";
import { useSyncStatus } from "../lib/use-sync-status";
import { browserTimeZone, todayIn } from "../lib/zoned-format";
import { ConflictCard } from "./sync-inbox/ConflictCard";
import { RejectedCard } from "./sync-inbox/RejectedCard";

/** "Conflits de synchro": bookings sync kept as conflicts, and changes the server refused. */
export function SyncInboxPage() {
  const t = useT();
  const trpc = useTRPC();
  // Sync settles things in the background: read the inbox again every few seconds.
  const inbox = useQuery(trpc.sync.inbox.queryOptions(undefined, { refetchInterval: 4_000, staleTime: 0 })).data;
  const locations = useQuery(trpc.locations.list.queryOptions({})).data ?? [];
  const currency = useQuery(trpc.studio.get.queryOptions()).data?.currency ?? "EUR";
  const connected = useSyncStatus()?.state !== "disconnected";
  const [opened, setOpened] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<string | null>(null);
  const zoneOf = (id: string) => locations.find((l) => l.id === id)?.timeZone ?? browserTimeZone();
  const fallback = locations[0];

  return (
    <>
      <div className="page-head"><h1>{t("inbox.title")}</h1></div>
      <p className="muted page-intro">{t("inbox.intro")}</p>
      {inbox && inbox.conflicts.length === 0 && inbox.rejected.length === 0 && (
        <div className="card">
          <EmptyState icon="sparkles" title={t("inbox.empty.title")} body={t(connected ? "inbox.empty.body" : "inbox.empty.local")} />
        </div>
      )}
      {inbox && inbox.conflicts.length > 0 && (
        <section className="inbox-section" aria-labelledby="inbox-conflicts">
          <h2 id="inbox-conflicts">{t("inbox.conflicts")} <span className="badge">{inbox.conflicts.length}</span></h2>
          <p className="subtle">{t("inbox.conflictsHint")}</p>
          {inbox.conflicts.map((item) => (
            <ConflictCard key={item.booking.id} item={item} timeZone={zoneOf(item.booking.locationId)} currency={currency}
              onOpen={setOpened} onCancel={setCancelling} />
          ))}
        </section>
      )}
      {inbox && inbox.rejected.length > 0 && (
        <section className="inbox-section" aria-labelledby="inbox-rejected">
          <h2 id="inbox-rejected">{t("inbox.rejected")} <span className="badge">{inbox.rejected.length}</span></h2>
          <p className="subtle">{t("inbox.rejectedHint")}</p>
          {inbox.rejected.map((item) => <RejectedCard key={item.mutationId} item={item} />)}
        </section>
      )}
      {opened && fallback && (
        <BookingDrawer bookingId={opened} prefill={null} fallback={{ locationId: fallback.id, date: todayIn(fallback.timeZone) }} onClose={() => setOpened(null)} />
      )}
      {cancelling && <ConflictCancel id={cancelling} currency={currency} onClose={() => setCancelling(null)} />}
    </>
  );
}

/** The booking drawer's cancel dialog, once the booking's detail is loaded. */
function ConflictCancel({ id, currency, onClose }: { id: string; currency: string; onClose(): void }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.bookings.get.queryOptions({ id })).data;
  if (!detail) return null;
  return <CancelDialog booking={detail} currency={currency} onClose={onClose} onCancelled={onClose} />;
}

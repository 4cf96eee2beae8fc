import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { AuditFilter } from "../../../shared/schemas/team";
import { saveFile } from "../api/desktop";
import { useT } from "../i18n";
import { appCodeOf, useTRPC } from "../lib/trpc";
import { useCan } from "../lib/use-can";
import { useUiStore } from "../store/ui-store";
import { AuditFilters, filterInput, type AuditFilterValues } from "./audit/AuditFilters";
import { AuditTable } from "./audit/AuditTable";
import { TeamGate } from "./team/TeamGate";

const PAGE_SIZE = 50;

/** Who changed what, and security events: filtered, newest first, a page at a time, exported as CSV. */
export function AuditPage() {
  const t = useT();
  return (
    <>
      <div className="page-head"><h1>{t("audit.title")}</h1></div>
      <TeamGate><AuditLog /></TeamGate>
    </>
  );
}

function AuditLog() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useUiStore((s) => s.toast);
  const [values, setValues] = useState<AuditFilterValues>({ from: "", to: "", userId: "", entity: "", kind: "" });
  const filter: AuditFilter = filterInput(values);
  // People to filter by: the member list where the person may read it (an accountant may not).
  const members = useQuery(trpc.team.members.list.queryOptions(undefined, { enabled: useCan("users.manage"), retry: false })).data ?? [];
  const pages = useInfiniteQuery(
    trpc.team.audit.list.infiniteQueryOptions({ ...filter, limit: PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor, retry: false }),
  );
  const events = pages.data?.pages.flatMap((p) => p.events) ?? [];
  const [exportError, setExportError] = useState<string | null>(null);

  const exportCsv = async () => {
    setExportError(null);
    try {
      const out = await queryClient.fetchQuery(trpc.team.audit.exportCsv.queryOptions(filter, { staleTime: 0 }));
      if (await saveFile(out.filename, out.csv, "text/csv")) toast(t("audit.exported", { n: out.rows }));
    } catch (e) {
      setExportError(t(`error.${appCodeOf(e)}`));
    }
  };

  return (
    <>
      <div className="team-head">
        <div className="muted" data-testid="list-count" data-count={events.length}>{t("audit.count", { n: events.length })}</div>
        <button className="btn" disabled={events.length === 0} onClick={() => void exportCsv()}>{t("audit.export")}</button>
      </div>
      {exportError && <div className="banner error" role="alert">{exportError}</div>}
      <div className="card">
        <AuditFilters values={values} onChange={setValues} members={members} />
        {pages.isError && <div className="banner error card-pad" role="alert">{t(`error.${appCodeOf(pages.error)}`)}</div>}
        {pages.isSuccess && events.length === 0 && <div className="empty"><p>{t("audit.empty")}</p></div>}
        {events.length > 0 && <AuditTable events={events} />}
        {pages.hasNextPage && (
          <div className="card-pad">
            <button className="btn" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
              {pages.isFetchingNextPage ? t("common.loading") : t("audit.more")}
            </button>
          </div>
        )}
      </div>
    </>
  );
}

import { useT } from "../i18n";
import { useUiStore } from "../store/ui-store";
import { DelegationsTab } from "./team/DelegationsTab";
import { MembersTab } from "./team/MembersTab";
import { PermissionMatrix } from "./team/PermissionMatrix";
import { TeamGate } from "./team/TeamGate";

const TABS = ["members", "roles", "delegations"] as const;
type Tab = (typeof TABS)[number];

/** "Utilisateurs": the studio's people and their roles, what each role means, and lent permissions. */
export function TeamPage() {
  const t = useT();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const tab: Tab = (TABS as readonly string[]).includes(route.tab ?? "") ? (route.tab as Tab) : "members";
  return (
    <>
      <div className="page-head"><h1>{t("team.title")}</h1></div>
      <div className="tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} role="tab" className="tab" aria-selected={tab === id} onClick={() => navigate({ page: "team", ...(id === "members" ? {} : { tab: id }) })}>
            {t(`team.tab.${id}`)}
          </button>
        ))}
      </div>
      {/* The matrix is the app's own: it shows offline too. */}
      {tab === "roles" ? <PermissionMatrix /> : <TeamGate>{tab === "members" ? <MembersTab /> : <DelegationsTab />}</TeamGate>}
    </>
  );
}

import { useEffect, type ReactNode } from "react";
import type { Theme } from "../../../shared/schemas/studio";
import { useT, type MessageKey } from "../i18n";
import { pageAllowed } from "../lib/page-access";
import { PAGES, type PageId } from "../lib/route";
import { useAccess } from "../lib/use-can";
import { usePrefs } from "../lib/use-prefs";
import { useSyncStatus } from "../lib/use-sync-status";
import { useUiStore } from "../store/ui-store";
import { CommandPalette } from "./CommandPalette";
import { Icon, type IconName } from "./Icon";
import { SyncIndicator } from "./SyncIndicator";
import { TotpSetupBanner } from "./TotpSetupBanner";

const NAV: { section: MessageKey; items: { page: PageId; icon: IconName; built: boolean }[] }[] = [
  {
    section: "nav.section.studio",
    items: [
      { page: "calendar", icon: "calendar", built: true },
      { page: "bookings", icon: "list", built: true },
      { page: "clients", icon: "users", built: true },
      { page: "rooms", icon: "rooms", built: true },
      { page: "staff", icon: "mic", built: true },
    ],
  },
  {
    section: "nav.section.business",
    items: [
      { page: "contracts", icon: "contract", built: true },
      { page: "invoices", icon: "invoice", built: true },
      { page: "reports", icon: "chart", built: true },
    ],
  },
  {
    section: "nav.section.admin",
    items: [
      { page: "team", icon: "shield", built: true },
      { page: "audit", icon: "history", built: true },
    ],
  },
];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
}

/** Sidebar, top bar, command palette and global shortcuts around every page. */
export function AppShell({ studioName, children }: { studioName: string; children: ReactNode }) {
  const t = useT();
  const route = useUiStore((s) => s.route);
  const navigate = useUiStore((s) => s.navigate);
  const paletteOpen = useUiStore((s) => s.paletteOpen);
  const setPaletteOpen = useUiStore((s) => s.setPaletteOpen);
  const prefs = usePrefs();
  const sync = useSyncStatus();
  const waiting = (sync?.conflicts ?? 0) + (sync?.rejected ?? 0);
  const access = useAccess();
  const nav = NAV.map((g) => ({ ...g, items: g.items.filter((i) => pageAllowed(i.page, access.can)) })).filter((g) => g.items.length > 0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setPaletteOpen(!useUiStore.getState().paletteOpen);
      } else if (e.altKey && /^[1-9]$/.test(e.key)) {
        e.preventDefault();
        navigate({ page: PAGES[Number(e.key) - 1]! });
      } else if (e.key.toLowerCase() === "n" && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(e.target) && !document.querySelector(".drawer, .palette")) {
        window.dispatchEvent(new Event("studio:new"));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate, setPaletteOpen]);

  const themeIcon: IconName = prefs.theme === "dark" ? "moon" : prefs.theme === "light" ? "sun" : "monitor";
  // The toggle's first click from "system" always changes the screen: to the opposite of what the system shows.
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  const cycle: Theme[] = systemDark ? ["system", "light", "dark"] : ["system", "dark", "light"];
  const nextTheme = cycle[(cycle.indexOf(prefs.theme) + 1) % cycle.length]!;

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Navigation">
        <div className="brand">
          <div className="brand-mark">{studioName.slice(0, 1).toUpperCase()}</div>
          <div className="brand-text">
            <div className="brand-name">{studioName}</div>
            <div className="brand-sub">{t("app.name")}</div>
          </div>
        </div>
        {nav.map((group) => (
          <div key={group.section}>
            <div className="nav-section">{t(group.section)}</div>
            {group.items.map((item) => (
              <button key={item.page} className={`nav-item ${item.built ? "" : "unbuilt"}`} aria-current={route.page === item.page ? "page" : undefined}
                onClick={() => navigate({ page: item.page })}>
                <Icon name={item.icon} />
                <span className="label">{t(`nav.${item.page}`)}</span>
                {PAGES.indexOf(item.page) < 9 && <span className="kbd">Alt {PAGES.indexOf(item.page) + 1}</span>}
              </button>
            ))}
          </div>
        ))}
        <div className="sidebar-foot">
          <button className="nav-item" aria-current={route.page === "inbox" ? "page" : undefined} onClick={() => navigate({ page: "inbox" })}>
            <Icon name="alert" />
            <span className="label">{t("nav.inbox")}</span>
            {waiting > 0 && (
              <>
                <span className="nav-badge" aria-hidden="true">{waiting}</span>
                <span className="sr-only">{t("sync.inboxBadgeLabel", { n: waiting })}</span>
              </>
            )}
          </button>
          <button className="nav-item" aria-current={route.page === "settings" ? "page" : undefined} onClick={() => navigate({ page: "settings" })}>
            <Icon name="settings" />
            <span className="label">{t("nav.settings")}</span>
          </button>
          <SyncIndicator />
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <button className="search-trigger" onClick={() => setPaletteOpen(true)}>
            <Icon name="search" size={16} />
            {t("shell.search")}
            <kbd>Ctrl K</kbd>
          </button>
          <div className="topbar-actions">
            <div className="segmented" role="group" aria-label={t("shell.language")}>
              <button type="button" aria-pressed={prefs.language === "fr"} onClick={() => prefs.changeLanguage("fr")}>FR</button>
              <button type="button" aria-pressed={prefs.language === "en"} onClick={() => prefs.changeLanguage("en")}>EN</button>
            </div>
            <button className="icon-btn" onClick={() => prefs.changeTheme(nextTheme)} title={t(`shell.theme.${prefs.theme}`)} aria-label={t(`shell.theme.${prefs.theme}`)}>
              <Icon name={themeIcon} />
            </button>
          </div>
        </header>
        <main className="content"><TotpSetupBanner />{children}</main>
      </div>
      {paletteOpen && <CommandPalette />}
    </div>
  );
}

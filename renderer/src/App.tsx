import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { AppShell } from "./components/AppShell";
import { Toasts } from "./components/Toasts";
import { useT } from "./i18n";
import { pageAllowed } from "./lib/page-access";
import { useTRPC } from "./lib/trpc";
import { useAccess } from "./lib/use-can";
import { AuditPage } from "./pages/AuditPage";
import { NotAllowedPage } from "./pages/NotAllowedPage";
import { TeamPage } from "./pages/TeamPage";
import { BookingsPage } from "./pages/BookingsPage";
import { CalendarPage } from "./pages/CalendarPage";
import { ClientsPage } from "./pages/ClientsPage";
import { ComingSoonPage } from "./pages/ComingSoonPage";
import { ContractsPage } from "./pages/ContractsPage";
import { InvoicesPage } from "./pages/InvoicesPage";
import { ReportsPage } from "./pages/ReportsPage";
import { RoomsGearPage } from "./pages/RoomsGearPage";
import { SettingsPage } from "./pages/SettingsPage";
import { StaffPage } from "./pages/StaffPage";
import { SyncInboxPage } from "./pages/SyncInboxPage";
import { WelcomePage } from "./pages/WelcomePage";
import { useUiStore } from "./store/ui-store";

function useThemeAndLanguage() {
  const theme = useUiStore((s) => s.theme);
  const language = useUiStore((s) => s.language);
  useEffect(() => {
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => {
      document.documentElement.dataset.theme = theme === "system" ? (media.matches ? "dark" : "light") : theme;
    };
    apply();
    media.addEventListener("change", apply);
    return () => media.removeEventListener("change", apply);
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}

function CurrentPage() {
  const page = useUiStore((s) => s.route.page);
  const access = useAccess();
  // A page reached by its address without the permission: say so rather than show a refusal per call.
  if (access.data && !pageAllowed(page, access.can)) return <NotAllowedPage />;
  switch (page) {
    case "calendar": return <CalendarPage />;
    case "bookings": return <BookingsPage />;
    case "clients": return <ClientsPage />;
    case "rooms": return <RoomsGearPage />;
    case "staff": return <StaffPage />;
    case "settings": return <SettingsPage />;
    case "inbox": return <SyncInboxPage />;
    case "team": return <TeamPage />;
    case "audit": return <AuditPage />;
    case "reports": return <ReportsPage />;
    case "invoices": return <InvoicesPage />;
    case "contracts": return <ContractsPage />;
    default: return <ComingSoonPage page={page} />;
  }
}

export function App() {
  const t = useT();
  const trpc = useTRPC();
  const status = useQuery(trpc.studio.status.queryOptions());
  useThemeAndLanguage();

  // The core keeps this computer's language and theme; apply them once they are known.
  const prefs = status.data?.prefs;
  useEffect(() => {
    if (!prefs) return;
    const ui = useUiStore.getState();
    ui.setLanguage(prefs.language);
    ui.setTheme(prefs.theme);
  }, [prefs?.language, prefs?.theme]);

  useEffect(() => {
    const onHash = () => useUiStore.getState().syncFromHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  if (status.isError) return <div className="soon"><div className="banner error" role="alert">{t("error.OFFLINE")}</div></div>;
  if (!status.data) return <div className="soon subtle">{t("common.loading")}</div>;
  return (
    <>
      {status.data.studio ? (
        <AppShell studioName={status.data.studio.name}>
          <CurrentPage />
        </AppShell>
      ) : (
        <WelcomePage />
      )}
      <Toasts />
    </>
  );
}

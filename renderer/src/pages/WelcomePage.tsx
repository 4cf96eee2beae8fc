import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Icon } from "../components/Icon";
import { SetupWizard } from "../forms/SetupWizard";
import { useT } from "../i18n";
import { appCodeOf, useTRPC } from "../lib/trpc";
import { usePrefs } from "../lib/use-prefs";

/** First start: try the demo studio, or set up an empty one in three steps. */
export function WelcomePage() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = usePrefs();
  const [setup, setSetup] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const demo = useMutation(trpc.studio.createDemo.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (e) => setError(t(`error.${appCodeOf(e)}`)),
  }));

  return (
    <div className="welcome">
      <div className="welcome-inner">
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          <div className="brand" style={{ padding: 0 }}>
            <div className="brand-mark">RS</div>
            <div className="brand-name">{t("app.name")}</div>
          </div>
          <div className="segmented" role="group" aria-label={t("shell.language")}>
            <button type="button" aria-pressed={prefs.language === "fr"} onClick={() => prefs.changeLanguage("fr")}>FR</button>
            <button type="button" aria-pressed={prefs.language === "en"} onClick={() => prefs.changeLanguage("en")}>EN</button>
          </div>
        </div>
        {setup ? (
          <SetupWizard onCancel={() => setSetup(false)} />
        ) : (
          <>
            <div className="welcome-head">
              <h1>{t("welcome.title")}</h1>
              <p className="muted" style={{ margin: 0, fontSize: 15, maxWidth: 640, lineHeight: 1.5 }}>{t("welcome.subtitle")}</p>
            </div>
            {error && <div className="banner error" role="alert">{error}</div>}
            <div className="welcome-cards">
              <div className="card choice">
                <div className="empty-icon"><Icon name="sparkles" size={24} /></div>
                <h2>{t("welcome.demo.title")}</h2>
                <p>{t("welcome.demo.body")}</p>
                <button className="btn primary" disabled={demo.isPending} onClick={() => demo.mutate()}>{t("welcome.demo.action")}</button>
              </div>
              <div className="card choice">
                <div className="empty-icon"><Icon name="building" size={24} /></div>
                <h2>{t("welcome.empty.title")}</h2>
                <p>{t("welcome.empty.body")}</p>
                <button className="btn" onClick={() => setSetup(true)}>{t("welcome.empty.action")}</button>
              </div>
            </div>
          </>
        )}
      </div>
    </div>
  );
}

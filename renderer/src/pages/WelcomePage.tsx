import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Icon, type IconName } from "../components/Icon";
import { SetupWizard } from "../forms/SetupWizard";
import { useT } from "../i18n";
import { appCodeOf, useTRPC } from "../lib/trpc";
import { usePrefs } from "../lib/use-prefs";
import { AccountLogIn } from "./welcome/AccountLogIn";

/** First start: try the demo studio, set up an empty one in three steps, or log in to a studio already online. */
export function WelcomePage() {
  const t = useT();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = usePrefs();
  const [mode, setMode] = useState<"choose" | "setup" | "account">("choose");
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
        {mode === "setup" && <SetupWizard onCancel={() => setMode("choose")} />}
        {mode === "account" && <AccountLogIn onCancel={() => setMode("choose")} />}
        {mode === "choose" && (
          <>
            <div className="welcome-head">
              <h1>{t("welcome.title")}</h1>
              <p className="muted" style={{ margin: 0, fontSize: 15, maxWidth: 640, lineHeight: 1.5 }}>{t("welcome.subtitle")}</p>
            </div>
            {error && <div className="banner error" role="alert">{error}</div>}
            <div className="welcome-cards three">
              <Choice icon="sparkles" area="demo" primary disabled={demo.isPending} onChoose={() => demo.mutate()} />
              <Choice icon="building" area="empty" onChoose={() => setMode("setup")} />
              <Choice icon="users" area="account" onChoose={() => setMode("account")} />
            </div>
          </>
        )}
      </div>
    </div>
  );
}

interface ChoiceProps {
  icon: IconName;
  /** Its texts: welcome.<area>.title, .body and .action. */
  area: "demo" | "empty" | "account";
  primary?: boolean;
  disabled?: boolean;
  onChoose(): void;
}

/** One way in, as a card: what it is, what it gives, and its button. */
function Choice({ icon, area, primary, disabled, onChoose }: ChoiceProps) {
  const t = useT();
  return (
    <div className="card choice">
      <div className="empty-icon"><Icon name={icon} size={24} /></div>
      <h2>{t(`welcome.${area}.title`)}</h2>
      <p>{t(`welcome.${area}.body`)}</p>
      <button className={primary ? "btn primary" : "btn"} disabled={disabled} onClick={onChoose}>{t(`welcome.${area}.action`)}</button>
    </div>
  );
}

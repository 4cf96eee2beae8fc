import { Icon } from "../components/Icon";
import { useT } from "../i18n";
import { useUiStore } from "../store/ui-store";

/** A page this person's role does not open (reached by its address or an old link). */
export function NotAllowedPage() {
  const t = useT();
  const navigate = useUiStore((s) => s.navigate);
  return (
    <div className="soon" data-testid="not-allowed">
      <div className="empty-icon"><Icon name="shield" size={26} /></div>
      <h1>{t("access.denied.title")}</h1>
      <p>{t("access.denied.body")}</p>
      <div className="links">
        <button className="btn" onClick={() => navigate({ page: "calendar" })}>{t("nav.calendar")}</button>
      </div>
    </div>
  );
}

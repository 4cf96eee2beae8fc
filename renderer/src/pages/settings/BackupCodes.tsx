import { useState } from "react";
import { CheckField } from "../../components/Fields";
import { useT } from "../../i18n";

/** The backup codes, shown this once: "Done" waits until the person says they saved them. */
export function BackupCodes({ codes, onDone }: { codes: string[]; onDone(): void }) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  return (
    <div className="backup-codes" role="region" aria-label={t("security.backupTitle")}>
      <h3>{t("security.backupTitle")}</h3>
      <div className="banner warn" role="status">{t("security.backupBody")}</div>
      <ol className="code-list" data-testid="backup-codes">
        {codes.map((c) => <li key={c}><code className="mono">{c}</code></li>)}
      </ol>
      <CheckField name="backupSaved" label={t("security.backupSaved")} checked={saved} onChange={setSaved} />
      <div><button type="button" className="btn primary" disabled={!saved} onClick={onDone}>{t("security.done")}</button></div>
    </div>
  );
}

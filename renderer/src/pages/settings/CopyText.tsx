import { useState } from "react";
import { useT } from "../../i18n";

interface Props {
  label: string;
  /** What is shown (e.g. grouped in fours). */
  text: string;
  /** What is copied, when it differs from what is shown. */
  copyValue?: string;
  mono?: boolean;
  testId?: string;
}

/** A value to carry elsewhere (a secret, a link): shown selectable, with a copy button. */
export function CopyText({ label, text, copyValue, mono, testId }: Props) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(copyValue ?? text);
      setCopied(true);
      setTimeout(() => setCopied(false), 2_000);
    } catch {
      // No clipboard (an insecure page, a denied permission): the value stays on screen to select.
    }
  };
  return (
    <div className="copy-text">
      <span className="copy-label">{label}</span>
      <code className={`copy-value wrap-anywhere${mono ? " mono" : ""}`} data-testid={testId}>{text}</code>
      <button type="button" className="btn small" onClick={() => void copy()} aria-label={`${t("security.copy")} — ${label}`}>
        {copied ? t("security.copied") : t("security.copy")}
      </button>
    </div>
  );
}

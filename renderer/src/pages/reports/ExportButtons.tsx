import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { EXPORT_FORMATS, type ExportFormat, type ReportKind } from "../../../../shared/reports/report-input";
import { saveFile } from "../../api/desktop";
import { Icon } from "../../components/Icon";
import { useT } from "../../i18n";
import { appCodeOf, useTRPC } from "../../lib/trpc";
import { useUiStore } from "../../store/ui-store";
import type { ReportQuery } from "./report-types";

/** The core's base64 file back to bytes. */
function bytesOf(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** CSV, Excel and PDF of the report on screen, made by the core for the acting person (no more than the screen shows). */
export function ExportButtons({ report, query }: { report: ReportKind; query: ReportQuery | null }) {
  const t = useT();
  const trpc = useTRPC();
  const language = useUiStore((s) => s.language);
  const toast = useUiStore((s) => s.toast);
  const [error, setError] = useState<string | null>(null);
  const exporting = useMutation(trpc.reports.export.mutationOptions());
  const run = async (format: ExportFormat) => {
    if (!query) return;
    setError(null);
    try {
      const file = await exporting.mutateAsync({ ...query, report, format, locale: language });
      if (await saveFile(file.filename, bytesOf(file.base64), file.mimeType)) toast(t("reports.exported", { file: file.filename }));
    } catch (e) {
      setError(t(`error.${appCodeOf(e)}`));
    }
  };
  const name = t(`reports.tab.${report}`);
  return (
    <div className="export-buttons">
      <span className="muted">{t("reports.export")}</span>
      {EXPORT_FORMATS.map((format) => (
        <button key={format} type="button" className="btn small" disabled={!query || exporting.isPending}
          aria-label={t("reports.export.label", { report: name, format: t(`reports.export.${format}`) })} onClick={() => void run(format)}>
          <Icon name="download" size={14} />{t(`reports.export.${format}`)}
        </button>
      ))}
      {error && <span className="error" role="alert">{error}</span>}
    </div>
  );
}

import { useT } from "../../i18n";
import { useUiStore } from "../../store/ui-store";
import { savePdf, type PdfFile } from "./doc-helpers";

/** Fetches a document's PDF on demand and saves it; a toast names the file, a failure goes to `onError`. */
export function usePdfDownload(fetchPdf: () => Promise<{ data?: PdfFile; error: unknown }>, onError: (text: string) => void) {
  const t = useT();
  const toast = useUiStore((s) => s.toast);
  return async () => {
    const file = await fetchPdf();
    if (file.data && (await savePdf(file.data))) toast(t("docs.pdfSaved", { name: file.data.filename }));
    else if (file.error) onError(t("error.INTERNAL"));
  };
}

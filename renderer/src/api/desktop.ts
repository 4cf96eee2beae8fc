/**
 * Saves a file the user asked for (contract PDF, CSV export...). Electron: the native save dialog;
 * resolves false when the user cancels. Browser mode: a download, which the browser handles
 * (resolves true once handed over; the browser does not say whether the user kept it).
 */
export async function saveFile(suggestedName: string, content: string | Uint8Array, mime: string): Promise<boolean> {
  if (window.studioDesktop) return window.studioDesktop.saveFile({ suggestedName, content, mime });
  // Copy bytes into a plain ArrayBuffer-backed view: Blob refuses views over a SharedArrayBuffer.
  const part = typeof content === "string" ? content : new Uint8Array(content);
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const link = document.createElement("a");
  link.href = url;
  link.download = suggestedName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty to start it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

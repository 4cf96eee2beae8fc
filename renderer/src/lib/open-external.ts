/** Only web pages are handed to the browser (Stripe's Checkout, Portal and invoices are all https). */
export function isWebUrl(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    return ["https:", "http:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * Opens a web page (Stripe Checkout, the Customer Portal, an invoice) in the system browser. In
 * Electron the main process turns every window.open into shell.openExternal for http(s) and mailto
 * and denies the window (main/electron/main.ts, secureContents); in browser mode it is a new tab.
 * Anything but http(s) is refused here. Returns whether the page was handed over.
 */
export function openExternal(url: string | null | undefined): boolean {
  if (!isWebUrl(url)) return false;
  window.open(url, "_blank", "noopener,noreferrer");
  return true;
}

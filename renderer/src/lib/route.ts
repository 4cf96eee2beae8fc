export const PAGES = [
  "calendar", "bookings", "clients", "rooms", "staff", "contracts", "invoices", "reports", "settings",
  // After the nine Alt+number pages: reached from the sidebar's sync status and its badge.
  "inbox",
  // The studio's people and its audit log (owners and admins): from the sidebar only.
  "team", "audit",
] as const;
export type PageId = (typeof PAGES)[number];

export interface Route {
  page: PageId;
  /** A sub-view, e.g. the Rooms & gear tab. */
  tab?: string;
  /** A record to open in its editor. */
  open?: string;
}

/** "#/rooms/equipment?open=<id>" ⇄ { page: "rooms", tab: "equipment", open: id }. */
export function parseHash(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [page, tab] = path.split("/");
  const open = new URLSearchParams(query).get("open") ?? undefined;
  const known = (PAGES as readonly string[]).includes(page ?? "") ? (page as PageId) : "clients";
  return { page: known, ...(tab ? { tab } : {}), ...(open ? { open } : {}) };
}

export function routeToHash(route: Route): string {
  return `#/${route.page}${route.tab ? `/${route.tab}` : ""}${route.open ? `?open=${encodeURIComponent(route.open)}` : ""}`;
}

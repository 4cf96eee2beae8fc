import type { Permission } from "../../../shared/permissions/permissions";
import type { PageId } from "./route";

/**
 * Pages a person sees only with a permission: the sidebar, the command palette and the page itself
 * ask here, so a hidden page cannot be reached by its address either.
 */
export const PAGE_NEEDS: Partial<Record<PageId, Permission>> = {
  invoices: "finance.view",
  reports: "report.view",
  team: "users.manage",
  audit: "audit.view",
};

export function pageAllowed(page: PageId, can: (permission: Permission) => boolean): boolean {
  const need = PAGE_NEEDS[page];
  return !need || can(need);
}

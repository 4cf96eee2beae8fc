import { TRPCClientError } from "@trpc/client";
import { useT } from "../i18n";
import { appCodeOf } from "./trpc";

/** One of the studios a person may log in to, when the account belongs to several (TENANT_REQUIRED). */
export interface TenantChoice {
  tenantId: string;
  tenantName: string;
  role: string;
}

function detailsOf(error: unknown): Record<string, unknown> | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: unknown } | undefined)?.details;
  return details && typeof details === "object" ? (details as Record<string, unknown>) : null;
}

/** The studios offered after TENANT_REQUIRED; empty for any other error. */
export function tenantsOf(error: unknown): TenantChoice[] {
  if (appCodeOf(error) !== "TENANT_REQUIRED") return [];
  const tenants = detailsOf(error)?.tenants;
  return Array.isArray(tenants) ? (tenants as TenantChoice[]) : [];
}

/** A sign-up or login refusal in words; "too many attempts" says how long to wait. */
export function useAccountErrorText(): (error: unknown) => string {
  const t = useT();
  return (error) => {
    const code = appCodeOf(error);
    const seconds = detailsOf(error)?.retryAfterSeconds;
    if (code === "TOO_MANY_ATTEMPTS" && typeof seconds === "number") return t("account.tooManyAttempts", { n: Math.max(1, Math.ceil(seconds / 60)) });
    return t(`error.${code}`);
  };
}

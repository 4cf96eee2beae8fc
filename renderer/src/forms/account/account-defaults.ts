import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../lib/trpc";
import { useUiStore } from "../../store/ui-store";

/** What an account form starts with: the account's server (else the last one typed), this computer's name, the email. */
export interface AccountDefaults {
  serverUrl: string;
  deviceName: string;
  email: string;
}

/** The account link as the core reports it, and the defaults its forms start from (null while loading). */
export function useAccountStatus() {
  const trpc = useTRPC();
  const remembered = useUiStore((s) => s.serverUrl);
  const status = useQuery(trpc.account.status.queryOptions()).data;
  const defaults: AccountDefaults | null = status
    ? { serverUrl: status.serverUrl ?? remembered, deviceName: status.defaultDeviceName, email: status.email ?? "" }
    : null;
  return { status, defaults };
}

import type { DeviceSummary } from "../../../shared/schemas/account";
import type { AccountsDeps } from "./accounts-deps";
import type { AuthSession } from "./authenticate";
import { deviceSummary, listDevices, revokeDevice } from "./devices";

async function peopleByIds(deps: AccountsDeps, ids: string[]): Promise<Map<string, { email: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await deps.databases.primary.query<{ id: string; email: string; name: string }>("SELECT id, email, name FROM users WHERE id = ANY($1::uuid[])", [ids]);
  return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
}

/** The studio's devices with who uses them (people live in the primary database, devices with the studio). */
export async function studioDevices(deps: AccountsDeps, auth: AuthSession): Promise<DeviceSummary[]> {
  const rows = await auth.inTenant((tx) => listDevices(tx, auth.tenantId));
  const people = await peopleByIds(deps, [...new Set(rows.map((r) => r.user_id))]);
  return rows.map((r) => deviceSummary(r, people, auth.deviceId));
}

export async function revokeStudioDevice(deps: AccountsDeps, auth: AuthSession, deviceId: string): Promise<DeviceSummary> {
  const row = await auth.inTenant((tx) => revokeDevice(tx, auth.tenantId, deviceId, auth.userId, deps.now()));
  deps.log({ level: "info", msg: "device revoked", tenantId: auth.tenantId, deviceId, by: auth.userId });
  return deviceSummary(row, await peopleByIds(deps, [row.user_id]), auth.deviceId);
}

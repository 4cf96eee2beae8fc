import type { DeviceSummary } from "../../../shared/schemas/account";
import { recordAudit } from "../audit/audit-log";
import type { AccountsDeps } from "./accounts-deps";
import type { AuthSession } from "./authenticate";
import { deviceSummary, listDevices, revokeDevice } from "./devices";
import { peopleByIds } from "./people";

/** The studio's devices with who uses them (people live in the primary database, devices with the studio). */
export async function studioDevices(deps: AccountsDeps, auth: AuthSession): Promise<DeviceSummary[]> {
  const rows = await auth.inTenant((tx) => listDevices(tx, auth.tenantId));
  const people = await peopleByIds(deps, rows.map((r) => r.user_id));
  return rows.map((r) => deviceSummary(r, people, auth.deviceId));
}

export async function revokeStudioDevice(deps: AccountsDeps, auth: AuthSession, deviceId: string): Promise<DeviceSummary> {
  const nowMs = deps.now();
  const row = await auth.inTenant(async (tx) => {
    const revoked = await revokeDevice(tx, auth.tenantId, deviceId, auth.userId, nowMs);
    await recordAudit(tx, auth.tenantId, nowMs, { kind: "security", action: "device.revoked", userId: auth.userId, deviceId: auth.deviceId, entity: "device", rowId: deviceId, details: { deviceName: revoked.name, ownerUserId: revoked.user_id } });
    return revoked;
  });
  deps.log({ level: "info", msg: "device revoked", tenantId: auth.tenantId, deviceId, by: auth.userId });
  return deviceSummary(row, await peopleByIds(deps, [row.user_id]), auth.deviceId);
}

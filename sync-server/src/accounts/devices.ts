import { uuidv7 } from "../../../shared/ids";
import type { DeviceSummary } from "../../../shared/schemas/account";
import type { Tx } from "../db/with-tenant";
import { ServerError } from "../errors";

/**
 * The device a login signs in: the one the desktop names, when it is that person's and still
 * live, else a new one (a revoked computer that logs in again with the password is a new device).
 */
export async function registerDevice(
  tx: Tx,
  input: { tenantId: string; userId: string; device: { id?: string | undefined; name: string } },
  nowMs: number,
): Promise<string> {
  const now = new Date(nowMs);
  if (input.device.id) {
    const { rowCount } = await tx.query(
      `UPDATE devices SET name = $3, last_seen_at = $4
        WHERE tenant_id = $1 AND id = $2 AND user_id = $5 AND revoked_at IS NULL`,
      [input.tenantId, input.device.id, input.device.name, now, input.userId],
    );
    if (rowCount === 1) return input.device.id;
  }
  const id = uuidv7(nowMs);
  await tx.query(
    "INSERT INTO devices (tenant_id, id, user_id, name, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)",
    [input.tenantId, id, input.userId, input.device.name, now],
  );
  return id;
}

interface DeviceRow {
  id: string;
  name: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date | null;
  revoked_at: Date | null;
}

/** The studio's devices, newest first (names of their people are added by the caller). */
export async function listDevices(tx: Tx, tenantId: string): Promise<DeviceRow[]> {
  const { rows } = await tx.query<DeviceRow>(
    "SELECT id, name, user_id, created_at, last_seen_at, revoked_at FROM devices WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC",
    [tenantId],
  );
  return rows;
}

export function deviceSummary(row: DeviceRow, people: Map<string, { email: string; name: string }>, currentDeviceId: string): DeviceSummary {
  const person = people.get(row.user_id);
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    userEmail: person?.email ?? null,
    userName: person?.name ?? null,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    current: row.id === currentDeviceId,
  };
}

/** Revokes a device and every refresh token it holds. Another studio's device is simply not found. */
export async function revokeDevice(tx: Tx, tenantId: string, deviceId: string, byUserId: string, nowMs: number): Promise<DeviceRow> {
  const now = new Date(nowMs);
  const { rows } = await tx.query<DeviceRow>(
    `UPDATE devices SET revoked_at = COALESCE(revoked_at, $3), revoked_by = COALESCE(revoked_by, $4)
      WHERE tenant_id = $1 AND id = $2
      RETURNING id, name, user_id, created_at, last_seen_at, revoked_at`,
    [tenantId, deviceId, now, byUserId],
  );
  const row = rows[0];
  if (!row) throw new ServerError("NOT_FOUND", `No device ${deviceId} in this studio`);
  await tx.query("UPDATE refresh_tokens SET revoked_at = $3 WHERE tenant_id = $1 AND device_id = $2 AND revoked_at IS NULL", [tenantId, deviceId, now]);
  return row;
}

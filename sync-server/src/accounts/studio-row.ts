import { encodeHlc } from "../../../shared/hlc";
import type { Tx } from "../db/with-tenant";
import { SERVER_HLC_NODE } from "./first-location";

/**
 * The studio's synced row (migration 005), written at sign-up so that a fresh device's first pull
 * receives it. Only the name, which sign-up was given, is stamped; every other setting keeps its
 * default unstamped, so a desktop uploading its existing studio pushes its own settings over them
 * (per-field last-writer-wins lets any stamp beat a missing one).
 */
export async function insertStudioRow(tx: Tx, tenantId: string, name: string, nowMs: number): Promise<void> {
  const hlc = encodeHlc({ wallMs: nowMs, counter: 0, node: SERVER_HLC_NODE });
  await tx.query("INSERT INTO studios (tenant_id, id, created_at, updated_at, field_hlc, name) VALUES ($1, $1, $2, $3, $4, $5)", [
    tenantId,
    new Date(nowMs),
    hlc,
    JSON.stringify({ name: hlc }),
    name,
  ]);
}

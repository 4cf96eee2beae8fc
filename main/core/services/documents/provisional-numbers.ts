import { provisionalLabel } from "../../../../shared/documents/document-numbers";
import type { Db } from "../../db/open-database";
import { prepareCached } from "../../db/statement-cache";

/**
 * The label an issued document shows until the server's number comes back: this device's own
 * counter (never synced), so two desks issuing offline can never show the same label.
 */
export function nextProvisionalNumber(db: Db, nodeId: string): string {
  const row = prepareCached(db, "INSERT INTO document_local_counter (name, last) VALUES ('provisional', 1) ON CONFLICT (name) DO UPDATE SET last = last + 1 RETURNING last")
    .get() as { last: number };
  return provisionalLabel(nodeId, row.last);
}

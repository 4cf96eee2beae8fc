import { z } from "zod";
import { APP_ERROR_CODES } from "../errors";
import { decodeHlc } from "../hlc";
import { idSchema } from "../schemas/common";

/**
 * The sync wire protocol (ARCHITECTURE.md, sync protocol), shared by the desktop's outbox pusher
 * and the sync-server. Field values travel exactly as the desktop's outbox stores them (column
 * form: booleans 0/1, JSON lists as strings, booking instants as epoch ms), so a pulled change can
 * be written to SQLite and a pending mutation re-applied on top without a second encoding.
 */
export const SYNCED_ENTITIES = ["studio", "location", "room", "staff", "equipment", "client", "booking", "booking_series", "staff_time_off", "equipment_maintenance",
  // Contracts, quotes, invoices and payments (shared/documents/document-entities.ts).
  "service_item", "contract_template", "document_profile", "contract", "quote", "invoice", "payment", "document_email"] as const;
export type SyncedEntity = (typeof SYNCED_ENTITIES)[number];

/** A push is bounded so one request stays one short burst of transactions. */
export const MAX_PUSH_MUTATIONS = 500;
/**
 * A first pull brings a studio's whole history: pages of 5,000 rows keep the per-request costs
 * (authentication, transaction, round trips) small beside the rows; one page is a few MB of JSON.
 */
export const MAX_PULL_LIMIT = 5000;

export const hlcSchema = z.string().refine((s) => {
  try {
    decodeHlc(s);
    return true;
  } catch {
    return false;
  }
}, "Malformed HLC stamp");

/** What one outbox value may be (main/core/sync/local-writer.ts ColumnValue). */
export const columnValueSchema = z.union([z.string().max(1_000_000), z.number(), z.null()]);

export const pushedMutation = z.object({
  mutationId: idSchema,
  entity: z.enum(SYNCED_ENTITIES),
  rowId: idSchema,
  op: z.enum(["insert", "update"]),
  changes: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/).max(64), columnValueSchema),
  hlc: hlcSchema,
  baseVersion: z.number().int().min(0).nullable(),
});
export type PushedMutation = z.infer<typeof pushedMutation>;

export const pushInput = z.object({
  /** Informational: the server records the authenticated device, never a claimed one. */
  deviceId: idSchema.optional(),
  mutations: z.array(pushedMutation).max(MAX_PUSH_MUTATIONS),
});
export type PushInput = z.infer<typeof pushInput>;

export const mutationResult = z.discriminatedUnion("status", [
  z.object({ mutationId: idSchema, status: z.literal("applied"), version: z.number().int() }),
  z.object({ mutationId: idSchema, status: z.literal("rejected"), code: z.enum(APP_ERROR_CODES), message: z.string() }),
  /** Kept, not dropped: the row is stored (a booking with status "conflict") at `version`. */
  z.object({ mutationId: idSchema, status: z.literal("conflict"), version: z.number().int(), details: z.record(z.string(), z.unknown()) }),
]);
export type MutationResult = z.infer<typeof mutationResult>;

export interface PushOutput {
  results: MutationResult[];
}

export const pullInput = z.object({
  /** The last version this device has seen (0: from the beginning). */
  cursor: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(200),
});
export type PullInput = z.input<typeof pullInput>;

/**
 * One row's whole current state (column form, as in a push's `changes`), tombstones included: what a
 * wire row decodes to (pull-wire.ts decodePullPage).
 */
export interface PulledChange {
  entity: SyncedEntity;
  rowId: string;
  version: number;
  fields: Record<string, string | number | null>;
  fieldHlc: Record<string, string>;
  deletedAt: string | null;
}

/**
 * A page's wire form of PulledChange (built and read by pull-wire.ts). Field names travel once
 * per shape, not once per row; a row's stamps as one row stamp plus the fields whose stamp
 * differs, the usual row (every field written by one mutation) carrying a single stamp. A page of
 * 5,000 bench clients is 1.4 MB instead of 5.8 MB as keyed objects with whole stamp maps.
 */
export interface PullShape {
  entity: SyncedEntity;
  /** Field names, in the order of each row's `values`. */
  fields: string[];
  /** The stamp keys, in the server's order, of a row sent with `stamp` (null: no such row). */
  stamped: string[] | null;
}

export interface PulledRow {
  /** Index in the page's `shapes`. */
  shape: number;
  rowId: string;
  version: number;
  values: PulledChange["fields"][string][];
  /** Every key of the shape's `stamped` has this stamp, but those in `fieldHlc`. */
  stamp?: string;
  /** With `stamp`: the stamps differing from it; without: the row's whole stamp map. */
  fieldHlc?: Record<string, string>;
}

export interface PullOutput {
  shapes: PullShape[];
  rows: PulledRow[];
  /** Pass back as the next cursor: the last change's version (unchanged when there was none). */
  cursor: number;
  hasMore: boolean;
}

/** What sync.live sends: the tenant's latest committed version (pull when it is past your cursor). */
export interface LiveVersion {
  version: number;
}

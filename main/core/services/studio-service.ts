import { uuidv7 } from "../../../shared/ids";
import {
  devicePrefsInput,
  setupStudioInput,
  studioFields,
  type Language,
  type StudioFields,
  type Theme,
} from "../../../shared/schemas/studio";
import type { Db } from "../db/open-database";
import { AppError, issuesToFieldErrors } from "../errors";
import type { LocalWriter } from "../sync/local-writer";
import type { EntityStore } from "./entity-store";
import type { LocationFields } from "../../../shared/schemas/location";
import type { RoomFields } from "../../../shared/schemas/room";

export interface Studio extends StudioFields {
  id: string;
  tenantId: string;
}

export interface DevicePrefs {
  language: Language;
  theme: Theme;
}

const DEFAULT_PREFS: DevicePrefs = { language: "fr", theme: "system" };

/** The studio (tenant) itself: first-run setup, its settings, and this device's preferences. */
export class StudioService {
  constructor(
    private readonly db: Db,
    private readonly writer: LocalWriter,
    private readonly locations: EntityStore<LocationFields>,
    private readonly rooms: EntityStore<RoomFields>,
  ) {}

  find(): Studio | null {
    const row = this.db.prepare("SELECT * FROM studio WHERE deleted_at IS NULL LIMIT 1").get() as
      | { id: string; tenant_id: string; name: string; currency: string; default_deposit_bp: number; default_vat_bp: number }
      | undefined;
    if (!row) return null;
    return {
      id: row.id,
      tenantId: row.tenant_id,
      name: row.name,
      currency: row.currency,
      defaultDepositBp: row.default_deposit_bp,
      defaultVatBp: row.default_vat_bp,
    };
  }

  get(): Studio {
    const studio = this.find();
    if (!studio) throw new AppError("NOT_INITIALIZED", "The studio has not been set up yet");
    return studio;
  }

  /**
   * Read once: every write asks for it, and a studio's tenant id never changes. Not cached inside a
   * transaction (setup, demo seed): if it rolls back, the studio it read never existed.
   */
  tenantId(): string {
    if (this.cachedTenantId) return this.cachedTenantId;
    const id = this.get().tenantId;
    if (!this.db.inTransaction) this.cachedTenantId = id;
    return id;
  }
  private cachedTenantId: string | undefined;

  /** Creates the studio row; the caller fills it with demo data or the setup's first location and room. */
  createStudio(fields: { name: string; currency: string }): Studio {
    if (this.find()) throw new AppError("ALREADY_INITIALIZED", "This computer already holds a studio");
    const id = uuidv7();
    // The studio row is the tenant: its id is the tenant id every other row carries.
    this.writer.insert(
      {
        entity: "studio",
        table: "studio",
        rowId: id,
        fields: {
          name: ["name", fields.name],
          currency: ["currency", fields.currency],
          defaultDepositBp: ["default_deposit_bp", 3000],
          defaultVatBp: ["default_vat_bp", 2000],
        },
      },
      id,
    );
    return this.get();
  }

  /** The empty studio's setup: studio, first location and first room, all or nothing. */
  setup(input: unknown): Studio {
    const parsed = setupStudioInput.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Invalid setup", issuesToFieldErrors(parsed.error.issues));
    const { studio, location, room } = parsed.data;
    return this.db.transaction(() => {
      const created = this.createStudio(studio);
      const loc = this.locations.create(location);
      this.rooms.create({ ...room, locationId: loc.id });
      return created;
    })();
  }

  update(patch: Partial<StudioFields>): Studio {
    const current = this.get();
    const parsed = studioFields.safeParse({ ...current, ...patch });
    if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Invalid studio settings", issuesToFieldErrors(parsed.error.issues));
    const next = parsed.data;
    const fields: Record<string, [string, string | number]> = {};
    if (next.name !== current.name) fields.name = ["name", next.name];
    if (next.currency !== current.currency) fields.currency = ["currency", next.currency];
    if (next.defaultDepositBp !== current.defaultDepositBp) fields.defaultDepositBp = ["default_deposit_bp", next.defaultDepositBp];
    if (next.defaultVatBp !== current.defaultVatBp) fields.defaultVatBp = ["default_vat_bp", next.defaultVatBp];
    this.writer.update({ entity: "studio", table: "studio", rowId: current.id, fields });
    return this.get();
  }

  prefs(): DevicePrefs {
    const rows = this.db.prepare("SELECT key, value FROM device_prefs").all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
    const parsed = devicePrefsInput.safeParse(stored);
    return { ...DEFAULT_PREFS, ...(parsed.success ? parsed.data : {}) };
  }

  setPrefs(input: unknown): DevicePrefs {
    const parsed = devicePrefsInput.safeParse(input);
    if (!parsed.success) throw new AppError("VALIDATION_FAILED", "Invalid preferences", issuesToFieldErrors(parsed.error.issues));
    const upsert = this.db.prepare("INSERT INTO device_prefs (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    for (const [key, value] of Object.entries(parsed.data)) if (value !== undefined) upsert.run(key, value);
    return this.prefs();
  }
}

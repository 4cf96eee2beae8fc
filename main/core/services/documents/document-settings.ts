import { createHash } from "node:crypto";
import { DEFAULT_CONTRACT_TEMPLATES, defaultTemplateId } from "../../../../shared/documents/contract-templates";
import { documentProfileInput, serviceItemFields, templateFields, updateServiceItemInput, updateTemplateInput } from "../../../../shared/documents/document-inputs";
import type { Db } from "../../db/open-database";
import { parseInput } from "../parse-input";
import { DEFAULT_TERMS, DocumentContext, type StudioDetails } from "./document-context";
import type { DocumentRows } from "./document-rows";
import type { ServiceItemRow, TemplateRow } from "./document-types";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** The studio's document settings: its catalogue of services, its contract templates and its legal details. */
export class DocumentSettings {
  constructor(
    private readonly db: Db,
    private readonly rows: DocumentRows,
    private readonly context: DocumentContext,
  ) {}

  serviceItems(includeArchived = false): ServiceItemRow[] {
    return this.rows.list<ServiceItemRow>("service_item", includeArchived ? "1 = 1" : "archived_at IS NULL", [], "name COLLATE NOCASE, id");
  }
  createServiceItem(input: unknown): ServiceItemRow {
    return this.rows.get("service_item", this.rows.insert("service_item", parseInput(serviceItemFields, input, "service item")));
  }
  updateServiceItem(input: unknown): ServiceItemRow {
    const { id, patch } = parseInput(updateServiceItemInput, input, "service item");
    this.rows.get("service_item", id);
    this.rows.update("service_item", id, patch);
    return this.rows.get("service_item", id);
  }
  archiveServiceItem(id: string): ServiceItemRow {
    this.rows.get("service_item", id);
    this.rows.update("service_item", id, { archivedAt: new Date().toISOString() });
    return this.rows.get("service_item", id);
  }

  /**
   * The studio's templates: its own rows, and the four defaults in French and English until it
   * changes them. A default is not stored until edited or archived (then under its derived id, see
   * defaultTemplateId), so a new studio, the demo and a fresh replica all have them, without
   * writes that two desks would each sync.
   */
  templates(includeArchived = false): TemplateRow[] {
    const stored = this.rows.list<TemplateRow>("contract_template", "1 = 1", [], "kind, language, name COLLATE NOCASE, id");
    const ids = new Set(stored.map((t) => t.id));
    const defaults = this.defaults().filter((t) => !ids.has(t.id));
    return [...stored, ...defaults]
      .filter((t) => includeArchived || t.archivedAt === null)
      .sort((x, y) => x.kind.localeCompare(y.kind) || x.language.localeCompare(y.language) || x.name.localeCompare(y.name));
  }

  template(id: string): TemplateRow {
    return this.rows.find<TemplateRow>("contract_template", id) ?? this.defaultById(id) ?? this.rows.get<TemplateRow>("contract_template", id);
  }

  createTemplate(input: unknown): TemplateRow {
    return this.rows.get("contract_template", this.rows.insert("contract_template", parseInput(templateFields, input, "template")));
  }

  updateTemplate(input: unknown): TemplateRow {
    const { id, patch } = parseInput(updateTemplateInput, input, "template");
    this.write(id, patch);
    return this.template(id);
  }

  archiveTemplate(id: string): TemplateRow {
    this.write(id, { archivedAt: new Date().toISOString() });
    return this.template(id);
  }

  /** Writes a stored template, or stores a default under its own id with the change. */
  private write(id: string, patch: Record<string, unknown>): void {
    if (this.rows.find("contract_template", id)) {
      this.rows.update("contract_template", id, patch);
      return;
    }
    const fallback = this.defaultById(id);
    if (!fallback) this.rows.get("contract_template", id);
    const { archivedAt, ...fields } = patch;
    this.db.transaction(() => {
      this.rows.insert("contract_template", { kind: fallback!.kind, language: fallback!.language, name: fallback!.name, body: fallback!.body, ...fields }, id);
      if (archivedAt) this.rows.update("contract_template", id, { archivedAt });
    })();
  }

  private defaults(): TemplateRow[] {
    const tenantId = this.context.studio().tenantId;
    return DEFAULT_CONTRACT_TEMPLATES.map((t) => ({
      ...t, id: defaultTemplateId(sha256, tenantId, t.kind, t.language), createdAt: "", updatedAt: "", version: null, archivedAt: null,
    }));
  }

  private defaultById(id: string): TemplateRow | null {
    return this.defaults().find((t) => t.id === id) ?? null;
  }

  profile(): StudioDetails {
    return this.context.studio();
  }

  /** The legal details printed on documents: one row per studio, its id the tenant id (two desks filling it in merge field by field). */
  updateProfile(input: unknown): StudioDetails {
    const patch = parseInput(documentProfileInput, input, "studio details");
    const tenantId = this.context.studio().tenantId;
    if (this.rows.find("document_profile", tenantId)) this.rows.update("document_profile", tenantId, patch);
    else this.rows.insert("document_profile", { ...DEFAULT_TERMS, ...patch }, tenantId);
    return this.context.studio();
  }
}

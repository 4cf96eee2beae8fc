import { clientFields, type ClientFields } from "../../../shared/schemas/client";
import type { EntityDef } from "./entity-store";

export function clientDef(): EntityDef<ClientFields> {
  return {
    entity: "client",
    table: "clients",
    schema: clientFields,
    fields: {
      kind: { column: "kind", kind: "text" },
      name: { column: "name", kind: "text" },
      contactName: { column: "contact_name", kind: "text" },
      email: { column: "email", kind: "text" },
      phone: { column: "phone", kind: "text" },
      address: { column: "address", kind: "text" },
      vatNumber: { column: "vat_number", kind: "text" },
      notes: { column: "notes", kind: "text" },
      defaultDepositBp: { column: "default_deposit_bp", kind: "int" },
      documentLanguage: { column: "document_language", kind: "text" },
    },
    sortable: { name: "name", kind: "kind", email: "email", createdAt: "created_at" },
    defaultSort: "name",
  };
}

import { describe, expect, it } from "vitest";
import { createClientInput, updateClientInput } from "./client";
import { A_UUID, issuesOf } from "./schema-test-utils";

const person = { kind: "person", name: "Héloïse Mercier" };
const company = {
  kind: "company",
  name: "Label Nuit Blanche",
  contactName: "Sarah Cohen",
  email: "contact@nuitblanche.fr",
  phone: "+33 1 40 00 10 50",
  address: "3 boulevard de Clichy, 75018 Paris",
  vatNumber: "FR12345678901",
  notes: "Paie à 30 jours",
  defaultDepositBp: 2000,
};

describe("createClientInput: accepted", () => {
  it.each<[string, Record<string, unknown>]>([
    ["a person with a name only", person],
    ["a company with every field", company],
    ["an email with a plus and subdomain", { ...person, email: "heloise+studio@mail.example.co.uk" }],
    ["a French mobile", { ...person, phone: "06 12 34 56 78" }],
    ["an international number", { ...person, phone: "+44 20 7946 0000" }],
    ["a US number with brackets", { ...person, phone: "(212) 555-0100" }],
    ["a dotted number", { ...person, phone: "01.42.80.00.00" }],
    ["no deposit override", { ...person, defaultDepositBp: null }],
    ["a 100 % deposit", { ...person, defaultDepositBp: 10_000 }],
  ])("%s", (_label, input) => {
    expect(issuesOf(createClientInput, input)).toEqual([]);
  });

  it("fills the optional fields with null and trims the rest", () => {
    expect(createClientInput.parse({ kind: "person", name: " Aya ", email: " aya@exemple.fr ", phone: "" })).toEqual({
      kind: "person",
      name: "Aya",
      contactName: null,
      email: "aya@exemple.fr",
      phone: null,
      address: null,
      vatNumber: null,
      notes: null,
      defaultDepositBp: null,
      documentLanguage: "fr",
    });
  });
});

describe("createClientInput: refused", () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ["an email without a domain", { email: "aya@" }, "email", "v.email"],
    ["an email without a dot in the domain", { email: "aya@exemple" }, "email", "v.email"],
    ["an email with a space", { email: "aya dupont@exemple.fr" }, "email", "v.email"],
    ["two @", { email: "a@b@c.fr" }, "email", "v.email"],
    ["an email too long", { email: `${"a".repeat(250)}@b.fr` }, "email", "v.tooLong"],
    ["a phone too short", { phone: "12345" }, "phone", "v.phone"],
    ["a phone with letters", { phone: "06 12 AB 56 78" }, "phone", "v.phone"],
    ["a plus sign in the middle", { phone: "06+12345678" }, "phone", "v.phone"],
    ["an unknown kind", { kind: "robot" }, "kind", "v.required"],
    ["no kind", { kind: undefined }, "kind", "v.required"],
    ["no name", { name: undefined }, "name", "v.required"],
    ["a deposit above 100 %", { defaultDepositBp: 10_001 }, "defaultDepositBp", "v.percent"],
    ["a negative deposit", { defaultDepositBp: -1 }, "defaultDepositBp", "v.percent"],
    ["a VAT number too long", { vatNumber: "FR".padEnd(33, "0") }, "vatNumber", "v.tooLong"],
    ["notes too long", { notes: "n".repeat(4001) }, "notes", "v.tooLong"],
  ])("%s", (_label, patch, path, message) => {
    expect(issuesOf(createClientInput, { ...person, ...patch })).toContainEqual({ path, message });
  });
});

describe("updateClientInput", () => {
  it.each<[string, Record<string, unknown>]>([
    ["a new email", { email: "new@exemple.fr" }],
    ["clearing the email", { email: null }],
    ["a rename", { name: "Héloïse M." }],
  ])("keeps only the patched field: %s", (_label, patch) => {
    expect(updateClientInput.parse({ id: A_UUID, patch }).patch).toEqual(patch);
  });

  it("checks a patched email", () => {
    expect(issuesOf(updateClientInput, { id: A_UUID, patch: { email: "nope" } })).toEqual([{ path: "patch.email", message: "v.email" }]);
  });
});

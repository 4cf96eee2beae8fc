import { describe, expect, it } from "vitest";
import { fieldsOf, mergeTemplate } from "./merge-fields";

describe("mergeTemplate", () => {
  it.each<[string, string, Record<string, string>, string, string[]]>([
    ["replaces known fields", "Entre {{studio.name}} et {{client.name}}.", { "studio.name": "Studio Lumière", "client.name": "Léa" }, "Entre Studio Lumière et Léa.", []],
    ["tolerates spaces inside braces", "{{ client.name }}", { "client.name": "Léa" }, "Léa", []],
    ["reports and keeps unknown fields", "{{client.nom}} / {{client.nom}}", {}, "{{client.nom}} / {{client.nom}}", ["client.nom"]],
    ["never expands merge syntax found in a value", "{{client.name}}", { "client.name": "{{studio.name}}", "studio.name": "X" }, "{{studio.name}}", []],
    ["drops control characters but keeps new lines", "{{sessions}}", { sessions: "a\u0007\nb\u0000" }, "a\nb", []],
    ["leaves text that is not a field alone", "{x} {{ }} {{1a}}", {}, "{x} {{ }} {{1a}}", []],
    ["a value with $ patterns is inserted literally", "{{rates}}", { rates: "$& $1 $$" }, "$& $1 $$", []],
    ["an empty value", "[{{client.vat_number}}]", { "client.vat_number": "" }, "[]", []],
  ])("%s", (_n, template, values, text, unknown) => {
    expect(mergeTemplate(template, values)).toEqual({ text, unknownFields: unknown });
  });

  it("does not take inherited properties for fields", () => {
    expect(mergeTemplate("{{constructor}}", {}).unknownFields).toEqual(["constructor"]);
  });

  it("lists the fields a template names", () => {
    expect(fieldsOf("{{a.b}} {{c}} {{a.b}}")).toEqual(["a.b", "c"]);
  });
});

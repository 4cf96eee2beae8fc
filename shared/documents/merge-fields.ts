/**
 * Contract templates hold merge fields written `{{client.name}}`. Merging is one pass over the
 * template: a value is inserted as plain text and never read again, so a client named
 * "{{studio.name}}" prints as typed instead of expanding (no injection through data). Control
 * characters in values are dropped; a field the template names but the data does not have is left
 * visible as written and reported, so a typo is seen in the preview, not in a signed contract.
 */
const FIELD = /\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)\s*\}\}/g;

export interface MergeResult {
  text: string;
  unknownFields: string[];
}

const clean = (value: string) => value.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, "");

export function mergeTemplate(template: string, values: Readonly<Record<string, string>>): MergeResult {
  const unknown = new Set<string>();
  const text = template.replace(FIELD, (whole, name: string) => {
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      unknown.add(name);
      return whole;
    }
    return clean(values[name]!);
  });
  return { text, unknownFields: [...unknown] };
}

/** The fields a template names, in order of first use. */
export function fieldsOf(template: string): string[] {
  return [...new Set([...template.matchAll(FIELD)].map((m) => m[1]!))];
}

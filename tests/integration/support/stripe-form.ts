/** A form value as Stripe's API reads it: `a[b][0]=v` nests into { a: { b: { 0: v } } }. */
export type FormValue = string | { [key: string]: FormValue };

/** Decodes an application/x-www-form-urlencoded body (or query string) the way Stripe does. */
export function parseStripeForm(text: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(key);
    if (!match) throw new Error(`Malformed form key "${key}"`);
    const path = [match[1]!, ...[...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
    let node: Record<string, FormValue> = root;
    for (const segment of path.slice(0, -1)) {
      const next = node[segment];
      node = (typeof next === "object" ? next : (node[segment] = {})) as Record<string, FormValue>;
    }
    node[path[path.length - 1]!] = value;
  }
  return root;
}

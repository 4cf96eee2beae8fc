import { describe, expect, it } from "vitest";
import { createQuoteInput, serviceItemFields, updateQuoteInput, updateServiceItemInput } from "./document-inputs";

const ID = "0193a000-0000-7000-8000-000000000001";

describe("document inputs", () => {
  it("a patch carries only what is given (no defaults would overwrite stored values)", () => {
    expect(updateServiceItemInput.parse({ id: ID, patch: { name: "Mastering" } }).patch).toEqual({ name: "Mastering" });
    expect(updateQuoteInput.parse({ id: ID, patch: { notes: "À revoir" } }).patch).toEqual({ notes: "À revoir" });
  });
  it("a creation fills the defaults: 20 % VAT, no sessions, services or lines", () => {
    expect(serviceItemFields.parse({ name: "Mastering", unit: "unit", unitPriceCents: 8000 }).vatBp).toBe(2000);
    expect(createQuoteInput.parse({ clientId: ID })).toMatchObject({ sessions: [], services: [], lines: [], sessionDiscountBp: 0, locationId: null });
  });
  it.each([
    [{ clientId: ID, lines: [{ kind: "custom", label: "x", quantityMilli: 0, unitPriceCents: 100 }] }, "lines.0.quantityMilli"],
    [{ clientId: ID, sessionDiscountBp: 10001 }, "sessionDiscountBp"],
    [{ clientId: "nope" }, "clientId"],
  ])("refuses %j at %s", (input, path) => {
    const r = createQuoteInput.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toContain(path);
  });
});

import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEFAULT_CANCELLATION_POLICY } from "../booking/cancellation";
import { MERGE_FIELD_NAMES, contractMergeValues, formatSession, type MergeContext } from "./contract-merge-values";
import { CONTRACT_KINDS, DEFAULT_CONTRACT_TEMPLATES, defaultTemplateId } from "./contract-templates";
import { idSchema } from "../schemas/common";
import { fieldsOf, mergeTemplate } from "./merge-fields";

const context = (language: "fr" | "en"): MergeContext => ({
  language, currency: "EUR",
  studio: { name: "Studio Lumière", address: "12 rue des Arts, Paris", vatNumber: "FR12345678901", siret: "123 456 789 00012", email: null, phone: null },
  location: { name: "Paris", timeZone: "Europe/Paris", address: null },
  client: { name: "Léa Martin", address: "3 place Carnot, Lyon", email: null, vatNumber: null, contactName: null },
  projectName: "Premier album",
  sessions: [{ startsAt: "2026-03-29T08:00:00.000Z", endsAt: "2026-03-29T12:00:00.000Z", roomNames: ["Studio A"], totalCents: 28800 }],
  rates: [{ label: "Studio A", hourlyRateCents: 6000 }],
  depositBp: 3000, depositCents: 8640, totalCents: 28800, policy: DEFAULT_CANCELLATION_POLICY, contractNumber: null, date: "2026-03-01",
});

describe("default contract templates", () => {
  it.each(CONTRACT_KINDS.flatMap((k) => (["fr", "en"] as const).map((l) => [k, l] as const)))("%s in %s exists and uses only known fields", (kind, language) => {
    const t = DEFAULT_CONTRACT_TEMPLATES.find((x) => x.kind === kind && x.language === language)!;
    expect(t).toBeDefined();
    expect(fieldsOf(t.body).filter((f) => !MERGE_FIELD_NAMES.includes(f))).toEqual([]);
    expect(mergeTemplate(t.body, contractMergeValues(context(language))).unknownFields).toEqual([]);
  });

  it("every field a template editor offers has a value", () => {
    expect(Object.keys(contractMergeValues(context("fr"))).sort()).toEqual([...MERGE_FIELD_NAMES].sort());
  });

  it("prints sessions in the location's zone, across the DST change (29 March 2026: UTC+2 from 03:00)", () => {
    const text = mergeTemplate("{{sessions}}", contractMergeValues(context("fr"))).text;
    expect(text).toContain("10:00 – 14:00");
    expect(text).toContain("29 mars 2026");
    expect(mergeTemplate("{{sessions}}", contractMergeValues(context("en"))).text).toContain("29 March 2026, 10:00 – 14:00");
  });

  it.each<[string, string, string, string]>([
    ["2026-03-10T23:00:00.000Z", "2026-03-11T01:00:00.000Z", "Europe/Paris", "11 mars 2026, 00:00 – 02:00"],
    ["2026-03-10T21:00:00.000Z", "2026-03-10T23:30:00.000Z", "Europe/Paris", "10 mars 2026, 22:00 – mer. 11 mars 2026, 00:30"],
    ["2026-07-01T09:00:00.000Z", "2026-07-01T11:00:00.000Z", "Europe/London", "1 juillet 2026, 10:00 – 12:00"],
  ])("session %s–%s in %s", (s, e, tz, expected) => expect(formatSession(s, e, tz, "fr")).toContain(expected));

  it("money and percentages in the contract's language", () => {
    const fr = contractMergeValues(context("fr")), en = contractMergeValues(context("en"));
    expect(fr.deposit_percent).toBe("30 %");
    expect(fr.total!.replace(/\s/g, " ")).toBe("288,00 €");
    expect(en.total).toBe("€288.00");
    expect(fr.cancellation_policy).toContain("absence : 100 % de la séance");
  });
});

describe("default template ids", () => {
  const digest = (t: string) => createHash("sha256").update(t).digest("hex");
  it("are valid UUIDs, the same on every desk of a studio, different per studio, kind and language", () => {
    const a = defaultTemplateId(digest, "0193a000-0000-7000-8000-000000000001", "studio_rental", "fr");
    expect(idSchema.safeParse(a).success).toBe(true);
    expect(defaultTemplateId(digest, "0193a000-0000-7000-8000-000000000001", "studio_rental", "fr")).toBe(a);
    const others = [
      defaultTemplateId(digest, "0193a000-0000-7000-8000-000000000002", "studio_rental", "fr"),
      defaultTemplateId(digest, "0193a000-0000-7000-8000-000000000001", "studio_rental", "en"),
      defaultTemplateId(digest, "0193a000-0000-7000-8000-000000000001", "mixing_mastering", "fr"),
    ];
    expect(new Set([a, ...others]).size).toBe(4);
  });
});

import { describe, expect, it } from "vitest";
import { initialValues, readDiscount, readDraft } from "./booking-form-values";

const LOC = "0190a1b2-c3d4-7e5f-8a9b-000000000001";
const ROOM = "0190a1b2-c3d4-7e5f-8a9b-000000000002";

describe("the drawer's discount", () => {
  it.each<[string, number | null]>([
    ["", 0], ["  ", 0], ["0", 0], ["10", 1000], ["12,5", 1250], ["12.5", 1250], ["12,5 %", 1250], ["33,33", 3333], ["100", 10_000],
    ["100,01", null], ["150", null], ["-5", null], ["dix", null], ["12,345", null],
  ])("%j → %s bp", (text, bp) => {
    expect(readDiscount(text)).toBe(bp);
  });

  const values = (discount: string) => ({
    ...initialValues(null, { locationId: LOC, roomIds: [ROOM], startsAt: "2026-06-03T12:00:00.000Z", endsAt: "2026-06-03T14:00:00.000Z" }, "Europe/Paris", { locationId: LOC, date: "2026-06-03" }),
    discount,
  });

  it("starts at none on a new booking and goes into the draft in basis points", () => {
    expect(initialValues(null, null, "Europe/Paris", { locationId: LOC, date: "2026-06-03" }).discount).toBe("0");
    expect(readDraft(values("15"), "Europe/Paris")).toMatchObject({ draft: { discountBp: 1500 }, errors: {} });
  });

  it("names the field when it cannot be read, and makes no draft", () => {
    expect(readDraft(values("120"), "Europe/Paris")).toEqual({ draft: null, errors: { discountBp: ["v.percent"] } });
  });
});

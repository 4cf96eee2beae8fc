import { describe, expect, it } from "vitest";
import { isUuid, uuidv7 } from "./ids";

const T = Date.UTC(2026, 5, 1, 12, 0, 0);

/** The 48-bit millisecond timestamp a UUIDv7 starts with. */
const timeOf = (id: string): number => parseInt(id.replace(/-/g, "").slice(0, 12), 16);

describe("uuidv7", () => {
  it.each([
    ["the epoch", 0],
    ["a fixed instant", T],
    ["the largest 48-bit instant", 2 ** 48 - 1],
    ["now", Date.now()],
  ])("encodes %s in the first 48 bits, with version 7 and the RFC variant", (_label, ms) => {
    const id = uuidv7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(isUuid(id)).toBe(true);
    expect(timeOf(id)).toBe(ms);
  });

  it("is unique within one millisecond", () => {
    const ids = new Set(Array.from({ length: 2000 }, () => uuidv7(T)));
    expect(ids.size).toBe(2000);
  });

  it("sorts by creation time, as text", () => {
    const instants = [T + 86_400_000, T, T + 1, T + 255, T + 256, T + 65_536, T - 1];
    const ids = instants.map((ms) => uuidv7(ms));
    const byText = [...ids].sort();
    expect(byText.map(timeOf)).toEqual([...instants].sort((a, b) => a - b));
  });

  it("is accepted by zod's uuid check (the id schema every input uses)", async () => {
    const { idSchema } = await import("./schemas/common");
    expect(idSchema.safeParse(uuidv7()).success).toBe(true);
  });
});

describe("isUuid", () => {
  it.each([
    ["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", true],
    ["0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B", false], // the core only writes lower case
    ["0190a1b2c3d47e5f8a9b0c1d2e3f4a5b", false],
    ["0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5", false],
    ["not-a-uuid", false],
    ["", false],
  ])("%j → %s", (text, expected) => {
    expect(isUuid(text)).toBe(expected);
  });
});

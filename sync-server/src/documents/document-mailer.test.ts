import { describe, expect, it } from "vitest";
import { decodeHlc, encodeHlc } from "../../../shared/hlc";
import { stampAfter } from "./document-mailer";

describe("the mailer's stamp beats the desk's queued one", () => {
  const desk = (wallMs: number, counter = 0) => encodeHlc({ wallMs, counter, node: "0193a0000000" });
  it.each<[string, string, number]>([
    ["the server's clock is ahead", desk(1_000), 2_000],
    ["the desk's clock is ahead", desk(5_000, 3), 2_000],
    ["same millisecond", desk(2_000, 7), 2_000],
  ])("%s", (_n, updatedAt, now) => {
    const stamp = stampAfter(updatedAt, now);
    expect(stamp > updatedAt).toBe(true);
    expect(decodeHlc(stamp).node).toBe("server");
    expect(decodeHlc(stamp).wallMs).toBe(Math.max(now, decodeHlc(updatedAt).wallMs));
  });
});

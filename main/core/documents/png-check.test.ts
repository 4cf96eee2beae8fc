import { describe, expect, it } from "vitest";
import { isUsablePng } from "./png-check";
import { testPng } from "./test-png";

describe("isUsablePng", () => {
  it.each<[string, Buffer, boolean]>([
    ["a small drawn stroke", testPng(64, 16), true],
    ["not a PNG", Buffer.from("GIF89a............................"), false],
    ["a PNG whose image data does not inflate", Buffer.concat([testPng(8, 8).subarray(0, 33), chunk("IDAT", Buffer.from([1, 2, 3, 4])), chunk("IEND", Buffer.alloc(0))]), false],
    ["a PNG without image data", Buffer.concat([testPng(8, 8).subarray(0, 33), chunk("IEND", Buffer.alloc(0))]), false],
    ["a huge canvas", testPng(5000, 1), false],
    ["a truncated file", testPng(8, 8).subarray(0, 40), false],
  ])("%s: %s", (_n, png, ok) => expect(isUsablePng(png)).toBe(ok));
});

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, data, Buffer.alloc(4)]);
}

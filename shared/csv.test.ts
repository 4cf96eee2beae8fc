import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it.each([
    ["plain text", "Studio A", "Studio A"],
    ["accents kept", "Éloïse", "Éloïse"],
    ["separator quoted", "Dupont; fils", '"Dupont; fils"'],
    ["quotes doubled", 'Le "Club"', '"Le ""Club"""'],
    ["newline quoted", "ligne 1\nligne 2", '"ligne 1\nligne 2"'],
    ["formula neutralised", "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""],
    ["negative number untouched", "-12,50", "-12,50"],
    ["null is empty", null, ""],
  ])("%s", (_name, input, expected) => {
    const csv = toCsv(["a"], [[input]]);
    expect(csv.startsWith("\uFEFFa\r\n")).toBe(true);
    expect(csv.slice("\uFEFFa\r\n".length)).toBe(`${expected}\r\n`);
  });

  it("joins columns with the separator and rows with CRLF", () => {
    expect(toCsv(["x", "y"], [[1, 2], [3, null]], ",")).toBe("\uFEFFx,y\r\n1,2\r\n3,\r\n");
  });
});

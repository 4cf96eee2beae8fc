import { describe, expect, it } from "vitest";
import { buildCalendar, foldLine, icsDateTime, icsEscape, type IcsEvent } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;
const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("icsEscape", () => {
  it.each([
    ["Session", "Session"],
    ["Mix, master; done", "Mix\\, master\\; done"],
    ["C:\\audio", "C:\\\\audio"],
    ["line one\nline two", "line one\\nline two"],
    ["windows\r\nbreak", "windows\\nbreak"],
    ["Héloïse — « voix »", "Héloïse — « voix »"],
  ])("%j → %j", (text, expected) => {
    expect(icsEscape(text)).toBe(expected);
  });
});

describe("foldLine", () => {
  it.each([
    ["short", "SUMMARY:Session"],
    ["exactly 75 octets", `SUMMARY:${"a".repeat(67)}`],
    ["76 octets", `SUMMARY:${"a".repeat(68)}`],
    ["long ASCII", `DESCRIPTION:${"abcdefghij".repeat(30)}`],
    ["accents (2 octets each)", `DESCRIPTION:${"é".repeat(100)}`],
    ["emoji (4 octets each)", `DESCRIPTION:${"🎙️🎚️".repeat(30)}`],
    ["mixed", `SUMMARY:${"Héloïse Mercier — Studio A 🎛️, ".repeat(8)}`],
  ])("%s: pieces of at most 75 octets that unfold to the line", (_label, line) => {
    const folded = foldLine(line);
    const pieces = folded.split("\r\n");
    for (const [i, piece] of pieces.entries()) {
      expect(octets(piece)).toBeLessThanOrEqual(75);
      if (i > 0) expect(piece.startsWith(" ")).toBe(true);
    }
    expect(unfold(folded)).toBe(line);
    // No character split across lines: every piece is valid UTF-8 on its own.
    for (const piece of pieces) expect(new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(piece))).toBe(piece);
  });

  it("leaves a line of 75 octets whole and folds the 76th", () => {
    expect(foldLine(`SUMMARY:${"a".repeat(67)}`)).not.toContain("\r\n");
    expect(foldLine(`SUMMARY:${"a".repeat(68)}`)).toBe(`SUMMARY:${"a".repeat(67)}\r\n a`);
  });
});

describe("buildCalendar", () => {
  const event: IcsEvent = {
    uid: "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b@recording-studio-manager",
    startMs: Date.UTC(2026, 5, 3, 12, 0),
    endMs: Date.UTC(2026, 5, 3, 14, 0),
    summary: "Studio A — Label Nuit Blanche, mix",
    location: "Lumière Paris; 12 rue Frochot",
    description: "Album « Minuit »\nBring the stems",
    status: "CONFIRMED",
    lastModifiedMs: Date.UTC(2026, 4, 20, 8, 30),
  };

  it("writes a VCALENDAR with one VEVENT per booking, CRLF line ends, UTC times", () => {
    const text = buildCalendar({ name: "Camille — sessions", events: [event], nowMs: Date.UTC(2026, 5, 1, 9) });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(unfold(text).split("\r\n")).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Recording Studio Manager//Bookings//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "X-WR-CALNAME:Camille — sessions",
      "BEGIN:VEVENT",
      "UID:0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b@recording-studio-manager",
      "DTSTAMP:20260601T090000Z",
      "DTSTART:20260603T120000Z",
      "DTEND:20260603T140000Z",
      "SUMMARY:Studio A — Label Nuit Blanche\\, mix",
      "LOCATION:Lumière Paris\\; 12 rue Frochot",
      "DESCRIPTION:Album « Minuit »\\nBring the stems",
      "STATUS:CONFIRMED",
      "LAST-MODIFIED:20260520T083000Z",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
    for (const line of text.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it("leaves out empty optional properties", () => {
    const text = buildCalendar({ name: "x", events: [{ ...event, location: null, description: null, lastModifiedMs: null }], nowMs: 0 });
    expect(text).not.toMatch(/LOCATION|DESCRIPTION|LAST-MODIFIED/);
  });

  it("formats instants in UTC basic format", () => {
    expect(icsDateTime(Date.UTC(2026, 2, 29, 1, 30, 5))).toBe("20260329T013005Z");
  });
});

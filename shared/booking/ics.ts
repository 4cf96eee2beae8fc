/**
 * iCalendar (RFC 5545) text for an engineer's schedule: UTC DTSTART/DTEND, TEXT values escaped,
 * lines folded at 75 octets with CRLF + space, never inside a UTF-8 character.
 */
export interface IcsEvent {
  uid: string;
  startMs: number;
  endMs: number;
  summary: string;
  location: string | null;
  description: string | null;
  status: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
  lastModifiedMs: number | null;
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function icsEscape(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r\n|\r|\n/g, "\\n");
}

/** 20260603T140000Z */
export function icsDateTime(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** UTF-8 length of one code point. */
const octetsOf = (char: string): number => {
  const cp = char.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
};

/** Splits a content line into pieces of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = octetsOf(char);
    // The first line holds 75 octets; each continuation holds 74 after its leading space.
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join("\r\n ");
}

export function buildCalendar(input: { name: string; events: IcsEvent[]; nowMs: number }): string {
  const stamp = icsDateTime(input.nowMs);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Recording Studio Manager//Bookings//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsEscape(input.name)}`,
  ];
  for (const e of input.events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART:${icsDateTime(e.startMs)}`,
      `DTEND:${icsDateTime(e.endMs)}`,
      `SUMMARY:${icsEscape(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${icsEscape(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${icsEscape(e.description)}`);
    lines.push(`STATUS:${e.status}`);
    if (e.lastModifiedMs !== null) lines.push(`LAST-MODIFIED:${icsDateTime(e.lastModifiedMs)}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

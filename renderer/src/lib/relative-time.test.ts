import { describe, expect, it } from "vitest";
import { relativeTime } from "./relative-time";

const NOW = Date.parse("2026-11-25T12:00:00Z");
const ago = (seconds: number) => new Date(NOW - seconds * 1000).toISOString();

describe("relativeTime", () => {
  it("says 'just now' under a minute, and for a clock a little ahead", () => {
    expect(relativeTime(ago(5), NOW, "fr-FR", "à l'instant")).toBe("à l'instant");
    expect(relativeTime(ago(-20), NOW, "fr-FR", "à l'instant")).toBe("à l'instant");
  });

  it("counts minutes, hours and days in the person's language", () => {
    expect(relativeTime(ago(3 * 60 + 10), NOW, "fr-FR", "")).toBe("il y a 3 minutes");
    expect(relativeTime(ago(2 * 3600), NOW, "en-GB", "")).toBe("2 hours ago");
    expect(relativeTime(ago(24 * 3600), NOW, "fr-FR", "")).toBe("hier");
    expect(relativeTime(ago(3 * 24 * 3600), NOW, "en-GB", "")).toBe("3 days ago");
  });

  it("is empty for an unreadable instant", () => {
    expect(relativeTime("not a date", NOW, "fr-FR", "now")).toBe("");
  });
});

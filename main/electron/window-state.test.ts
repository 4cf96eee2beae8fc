import { describe, expect, it } from "vitest";
import { fitToDisplays, parseWindowState, type Rect, type WindowState } from "./window-state";

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1400 };
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1040 };
const small: Rect = { x: 0, y: 0, width: 800, height: 560 };

const cases: Array<[string, WindowState | null, Rect[], WindowState]> = [
  ["no saved state: default size, system placement", null, [laptop], { width: 1280, height: 820, maximized: false }],
  ["fits as saved", { x: 100, y: 50, width: 1200, height: 700, maximized: false }, [laptop], { x: 100, y: 50, width: 1200, height: 700, maximized: false }],
  ["keeps maximized", { x: 0, y: 0, width: 1200, height: 700, maximized: true }, [laptop], { x: 0, y: 0, width: 1200, height: 700, maximized: true }],
  ["on the second monitor, which is still there", { x: 2000, y: 100, width: 1600, height: 1000, maximized: false }, [laptop, rightMonitor], { x: 2000, y: 100, width: 1600, height: 1000, maximized: false }],
  ["monitor unplugged: back to primary, centered", { x: 2000, y: 100, width: 1600, height: 1000, maximized: false }, [laptop], { width: 1440, height: 875, maximized: false }],
  ["monitor at negative coordinates", { x: -1800, y: 20, width: 1000, height: 800, maximized: false }, [laptop, leftMonitor], { x: -1800, y: 20, width: 1000, height: 800, maximized: false }],
  ["hanging over the right edge is moved in", { x: 1000, y: 100, width: 1200, height: 700, maximized: false }, [laptop], { x: 240, y: 100, width: 1200, height: 700, maximized: false }],
  ["above the top edge is moved down", { x: 100, y: -300, width: 1000, height: 700, maximized: false }, [laptop], { x: 100, y: 0, width: 1000, height: 700, maximized: false }],
  ["straddling two monitors goes to the one with most of it", { x: 1000, y: 0, width: 1400, height: 800, maximized: false }, [laptop, rightMonitor], { x: 1440, y: 0, width: 1400, height: 800, maximized: false }],
  ["too big for the display shrinks to it", { x: 0, y: 0, width: 3000, height: 2000, maximized: false }, [laptop], { x: 0, y: 0, width: 1440, height: 875, maximized: false }],
  ["too small grows to the minimum", { x: 10, y: 10, width: 200, height: 100, maximized: false }, [laptop], { x: 10, y: 10, width: 900, height: 600, maximized: false }],
  ["display smaller than the minimum: the display's size", { x: 0, y: 0, width: 1280, height: 820, maximized: false }, [small], { x: 0, y: 0, width: 800, height: 560, maximized: false }],
  ["no display information: size only", { x: 10, y: 10, width: 1000, height: 700, maximized: true }, [], { width: 1000, height: 700, maximized: true }],
];

describe("fitToDisplays", () => {
  it.each(cases)("%s", (_name, saved, displays, expected) => {
    expect(fitToDisplays(saved, displays)).toEqual(expected);
  });
});

describe("parseWindowState", () => {
  it.each<[string, unknown, WindowState | null]>([
    ["a full state", { x: 1.4, y: 2, width: 1000.6, height: 700, maximized: true }, { x: 1, y: 2, width: 1001, height: 700, maximized: true }],
    ["no position", { width: 1000, height: 700 }, { width: 1000, height: 700, maximized: false }],
    ["half a position is no position", { x: 5, width: 1000, height: 700 }, { width: 1000, height: 700, maximized: false }],
    ["null", null, null],
    ["a string", "big", null],
    ["no size", { x: 0, y: 0 }, null],
    ["zero size", { width: 0, height: 700 }, null],
    ["NaN", { width: Number.NaN, height: 700 }, null],
    ["strings for numbers", { width: "1000", height: "700" }, null],
  ])("%s", (_name, raw, expected) => {
    expect(parseWindowState(raw)).toEqual(expected);
  });
});

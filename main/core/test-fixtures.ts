import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { z } from "zod";
import type { createEquipmentInput } from "../../shared/schemas/equipment";
import type { createLocationInput } from "../../shared/schemas/location";
import type { createRoomInput } from "../../shared/schemas/room";
import type { createStaffInput } from "../../shared/schemas/staff";
import type { SetupStudioInput } from "../../shared/schemas/studio";
import { defaultWeeklyHours } from "../../shared/schemas/opening-hours";
import { AppError } from "./errors";
import { createStudioCore, type StudioCore } from "./studio-core";
import type { OutboxRow } from "./sync/outbox-service";

/** Helpers shared by the core's unit tests (not shipped: only *.test.ts files import this). */

export const T0 = Date.UTC(2026, 5, 1, 9, 0, 0);

/** A wall clock the test moves by hand; it can also step back, as real ones do. */
export function manualClock(start = T0) {
  let now = start;
  return {
    now: () => now,
    set: (ms: number) => {
      now = ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

/** A fresh temp directory, and a function that removes it. */
export function tempDir(prefix = "rsm-core-"): { dir: string; file: (name?: string) => string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name = "studio.sqlite") => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function memoryCore(now?: () => number): StudioCore {
  return createStudioCore({ databaseFile: ":memory:", ...(now ? { now } : {}) });
}

export const SETUP: SetupStudioInput = {
  studio: { name: "Studio Lumière", currency: "EUR" },
  location: { name: "Lumière Paris", timeZone: "Europe/Paris", openingHours: defaultWeeklyHours(), closures: [] },
  room: {
    name: "Studio A", type: "recording", hourlyRateCents: 9500, halfDayRateCents: 34000, dayRateCents: 62000,
    vatRateBp: 2000, capacity: 12, colour: "#c2410c", bookable: true, setupMinutes: 30, teardownMinutes: 30,
  },
};

/** A core with a studio, its first location ("Lumière Paris") and first room ("Studio A"). */
export function setUpCore(now?: () => number): { core: StudioCore; locationId: string; roomId: string } {
  const core = memoryCore(now);
  core.studio.setup(SETUP);
  const location = core.locations.list()[0]!;
  const room = core.rooms.list()[0]!;
  return { core, locationId: location.id, roomId: room.id };
}

/**
 * Valid inputs for each entity; `overrides` may make them invalid on purpose, so they accept any
 * value and the result is typed as the valid input the router expects.
 */
type Overrides<T> = { [K in keyof T]?: unknown } & Record<string, unknown>;

export function roomInput(locationId: string, overrides: Overrides<z.input<typeof createRoomInput>> = {}): z.input<typeof createRoomInput> {
  return {
    locationId, name: "Studio B", type: "mixing", hourlyRateCents: 7000, halfDayRateCents: 25000, dayRateCents: 45000,
    vatRateBp: 2000, capacity: 6, colour: "#0f766e", bookable: true, setupMinutes: 15, teardownMinutes: 15, ...overrides,
  } as z.input<typeof createRoomInput>;
}

export function locationInput(overrides: Overrides<z.input<typeof createLocationInput>> = {}): z.input<typeof createLocationInput> {
  return { name: "Lumière London", timeZone: "Europe/London", openingHours: defaultWeeklyHours(), closures: [], ...overrides } as z.input<typeof createLocationInput>;
}

export function equipmentInput(locationId: string, overrides: Overrides<z.input<typeof createEquipmentInput>> = {}): z.input<typeof createEquipmentInput> {
  return {
    locationId, name: "Neumann U 87 Ai", category: "microphone", serialNumber: "U87-204118", quantity: 2, dailyRateCents: 4000,
    lastMaintenance: "2026-06-10", nextMaintenance: "2027-06-10", ...overrides,
  } as z.input<typeof createEquipmentInput>;
}

export function staffInput(overrides: Overrides<z.input<typeof createStaffInput>> = {}): z.input<typeof createStaffInput> {
  return {
    name: "Camille Rousseau", role: "engineer", email: "camille@studio-lumiere.fr", hourlyRateCents: 4500, dayRateCents: 32000, colour: "#0ea5e9", ...overrides,
  } as z.input<typeof createStaffInput>;
}

/** Runs `fn` and returns the AppError it throws (fails the test if it throws nothing or something else). */
export function appErrorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw new Error(`Expected an AppError, got ${String(e)}`);
  }
  throw new Error("Expected an AppError, but nothing was thrown");
}

export type { OutboxRow } from "./sync/outbox-service";

export function outboxRows(core: StudioCore): OutboxRow[] {
  return core.db.prepare("SELECT * FROM outbox ORDER BY seq").all() as OutboxRow[];
}

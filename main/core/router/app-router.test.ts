import { TRPCError } from "@trpc/server";
import { getErrorShape, type ErrorHandlerOptions } from "@trpc/server/unstable-core-do-not-import";
import { afterEach, describe, expect, it } from "vitest";
import type { StudioCore } from "../studio-core";
import { SETUP, equipmentInput, locationInput, memoryCore, roomInput } from "../test-fixtures";
import { appRouter, createCoreCaller } from "./app-router";
import type { CoreContext } from "./trpc";

type Caller = ReturnType<typeof createCoreCaller>;

const cores: StudioCore[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) if (c.db.open) c.close();
});

function newCore(): { core: StudioCore; caller: Caller } {
  const core = memoryCore();
  cores.push(core);
  return { core, caller: createCoreCaller({ core }) };
}

/**
 * Calls through a caller with `onError`, and formats the error exactly as a transport would
 * (the router's own errorFormatter, via getErrorShape), so the test sees what the renderer sees.
 */
async function failure(core: StudioCore, call: (caller: Caller) => Promise<unknown>) {
  let seen: ErrorHandlerOptions<CoreContext> | undefined;
  const caller = createCoreCaller({ core }, { onError: (opts) => (seen = opts) });
  await expect(call(caller)).rejects.toBeInstanceOf(TRPCError);
  if (!seen) throw new Error("onError was not called");
  const shape = getErrorShape({
    config: appRouter._def._config,
    error: seen.error,
    type: seen.type,
    path: seen.path,
    input: seen.input,
    ctx: seen.ctx,
  });
  return { code: seen.error.code, shape };
}

describe("queries and mutations through createCoreCaller", () => {
  it("reports the status before and after setup", async () => {
    const { caller } = newCore();
    expect(await caller.studio.status()).toEqual({
      initialized: false,
      studio: null,
      prefs: { language: "fr", theme: "system" },
      outbox: { pending: 0, oldestPendingAt: null },
    });
    const studio = await caller.studio.setup(SETUP);
    const status = await caller.studio.status();
    expect(status).toMatchObject({ initialized: true, studio: { id: studio.id, name: "Studio Lumière" }, outbox: { pending: 3 } });
  });

  it("creates, lists, updates (partially), archives and restores", async () => {
    const { caller } = newCore();
    await caller.studio.setup(SETUP);
    const [paris] = await caller.locations.list();
    const room = await caller.rooms.create(roomInput(paris!.id, { notes: "SSL 4000" }));
    expect((await caller.rooms.list({ sort: "name" })).map((r) => r.name)).toEqual(["Studio A", "Studio B"]);
    const updated = await caller.rooms.update({ id: room.id, patch: { capacity: 8 } });
    expect(updated).toMatchObject({ capacity: 8, notes: "SSL 4000", hourlyRateCents: 7000 });
    expect((await caller.rooms.archive({ id: room.id })).archivedAt).not.toBeNull();
    expect(await caller.rooms.list()).toHaveLength(1);
    expect((await caller.rooms.restore({ id: room.id })).archivedAt).toBeNull();
    expect(await caller.rooms.get({ id: room.id })).toEqual(await caller.rooms.get({ id: room.id }));
  });

  it("searches, and keeps device preferences", async () => {
    const { caller } = newCore();
    await caller.studio.createDemo();
    expect((await caller.studio.search({ text: "heloise" })).map((h) => h.label)).toEqual(["Héloïse Mercier"]);
    expect(await caller.studio.setPrefs({ language: "en" })).toEqual({ language: "en", theme: "system" });
    expect(await caller.studio.update({ defaultDepositBp: 5000 })).toMatchObject({ defaultDepositBp: 5000 });
  });

  it("lets preferences be set before the studio exists", async () => {
    const { caller } = newCore();
    expect(await caller.studio.setPrefs({ theme: "dark" })).toEqual({ language: "fr", theme: "dark" });
  });
});

interface ErrorCase {
  label: string;
  setup: boolean;
  call: (caller: Caller, core: StudioCore) => Promise<unknown>;
  code: TRPCError["code"];
  httpStatus: number;
  appCode: string;
  fieldErrors: Record<string, string[]> | null;
  path: string;
}

const MISSING = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";
const parisId = (core: StudioCore) => core.locations.list()[0]!.id;

const ERROR_CASES: ErrorCase[] = [
  { label: "a list before setup", setup: false, call: (c) => c.locations.list(), code: "PRECONDITION_FAILED", httpStatus: 412, appCode: "NOT_INITIALIZED", fieldErrors: null, path: "locations.list" },
  { label: "the studio before setup", setup: false, call: (c) => c.studio.get(), code: "PRECONDITION_FAILED", httpStatus: 412, appCode: "NOT_INITIALIZED", fieldErrors: null, path: "studio.get" },
  { label: "a create before setup", setup: false, call: (c) => c.clients.create({ kind: "person", name: "Aya" }), code: "PRECONDITION_FAILED", httpStatus: 412, appCode: "NOT_INITIALIZED", fieldErrors: null, path: "clients.create" },
  { label: "an invalid input (zod)", setup: true, call: (c, core) => c.rooms.create(roomInput(parisId(core), { capacity: 0, colour: "red" })), code: "BAD_REQUEST", httpStatus: 400, appCode: "VALIDATION_FAILED", fieldErrors: { capacity: ["v.atLeastOne"], colour: ["v.colour"] }, path: "rooms.create" },
  { label: "an invalid id (zod)", setup: true, call: (c) => c.rooms.get({ id: "room-1" }), code: "BAD_REQUEST", httpStatus: 400, appCode: "VALIDATION_FAILED", fieldErrors: { id: ["v.invalid"] }, path: "rooms.get" },
  { label: "an invalid nested field in an update (zod)", setup: true, call: (c, core) => c.locations.update({ id: parisId(core), patch: { timeZone: "Lutetia" } }), code: "BAD_REQUEST", httpStatus: 400, appCode: "VALIDATION_FAILED", fieldErrors: { "patch.timeZone": ["v.timeZone"] }, path: "locations.update" },
  { label: "a setup with a bad room (zod)", setup: false, call: (c) => c.studio.setup({ ...SETUP, room: { ...SETUP.room, halfDayRateCents: 70000 } }), code: "BAD_REQUEST", httpStatus: 400, appCode: "VALIDATION_FAILED", fieldErrors: { "room.halfDayRateCents": ["v.halfDayVsDay"] }, path: "studio.setup" },
  { label: "a wrong preference (zod, no key of its own)", setup: false, call: (c) => c.studio.setPrefs({ language: "de" as "fr" }), code: "BAD_REQUEST", httpStatus: 400, appCode: "VALIDATION_FAILED", fieldErrors: { language: ["v.invalid"] }, path: "studio.setPrefs" },
  { label: "an update invalid once merged (service)", setup: true, call: (c, core) => c.equipment.update({ id: core.equipment.create(equipmentInput(parisId(core))).id, patch: { nextMaintenance: "2020-01-01" } }), code: "BAD_REQUEST", httpStatus: 400, appCode: "VALIDATION_FAILED", fieldErrors: { nextMaintenance: ["v.maintenanceOrder"] }, path: "equipment.update" },
  { label: "a second setup", setup: true, call: (c) => c.studio.setup(SETUP), code: "CONFLICT", httpStatus: 409, appCode: "ALREADY_INITIALIZED", fieldErrors: null, path: "studio.setup" },
  { label: "a demo on top of a studio", setup: true, call: (c) => c.studio.createDemo(), code: "CONFLICT", httpStatus: 409, appCode: "ALREADY_INITIALIZED", fieldErrors: null, path: "studio.createDemo" },
  { label: "a duplicate room name", setup: true, call: (c, core) => c.rooms.create(roomInput(parisId(core), { name: "studio a" })), code: "CONFLICT", httpStatus: 409, appCode: "DUPLICATE_NAME", fieldErrors: { name: ["v.duplicateName"] }, path: "rooms.create" },
  { label: "archiving a location with rooms", setup: true, call: (c, core) => c.locations.archive({ id: parisId(core) }), code: "CONFLICT", httpStatus: 409, appCode: "IN_USE", fieldErrors: null, path: "locations.archive" },
  {
    label: "a room in an archived location", setup: true,
    call: (c, core) => {
      const london = core.locations.create(locationInput());
      core.locations.archive(london.id);
      return c.rooms.create(roomInput(london.id));
    },
    code: "CONFLICT", httpStatus: 409, appCode: "LOCATION_ARCHIVED", fieldErrors: { locationId: ["v.locationArchived"] }, path: "rooms.create",
  },
  { label: "a missing room", setup: true, call: (c) => c.rooms.get({ id: MISSING }), code: "NOT_FOUND", httpStatus: 404, appCode: "NOT_FOUND", fieldErrors: null, path: "rooms.get" },
  { label: "a room in a missing location", setup: true, call: (c) => c.rooms.create(roomInput(MISSING)), code: "NOT_FOUND", httpStatus: 404, appCode: "NOT_FOUND", fieldErrors: { locationId: ["v.invalid"] }, path: "rooms.create" },
];

describe("errors, as the renderer receives them", () => {
  it.each(ERROR_CASES)("$label → $code / $appCode", async ({ setup, call, code, httpStatus, appCode, fieldErrors, path }) => {
    const { core } = newCore();
    if (setup) core.studio.setup(SETUP);
    const { code: actual, shape } = await failure(core, (caller) => call(caller, core));
    expect(actual).toBe(code);
    expect(actual).not.toBe("INTERNAL_SERVER_ERROR");
    expect(shape.data).toMatchObject({ code, httpStatus, appCode, fieldErrors, path });
    expect(shape.data.stack).toBeUndefined();
    expect(shape.message).not.toBe("");
  });

  it("maps an unexpected failure to INTERNAL without leaking the stack", async () => {
    const { core } = newCore();
    core.studio.setup(SETUP);
    core.db.close();
    const { code, shape } = await failure(core, (caller) => caller.rooms.list());
    expect(code).toBe("INTERNAL_SERVER_ERROR");
    expect(shape.data).toMatchObject({ appCode: "INTERNAL", fieldErrors: null, httpStatus: 500 });
    expect(shape.data.stack).toBeUndefined();
  });

  it("throws TRPCErrors carrying the AppError as their cause", async () => {
    const { core, caller } = newCore();
    const error = await caller.rooms.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).cause).toMatchObject({ name: "AppError", code: "NOT_INITIALIZED" });
    expect(core.studio.find()).toBeNull();
  });
});

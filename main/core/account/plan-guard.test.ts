import { afterEach, describe, expect, it } from "vitest";
import type { BillingStatus } from "../../../shared/billing/billing-api";
import type { BillingState } from "../../../shared/billing/billing-state";
import { locationInput, manualClock, roomInput, setUpCore, T0 } from "../test-fixtures";
import type { StudioCore } from "../studio-core";
import { PlanStore } from "./plan-store";

/** The desk applies the plan the server last told it, as the server does on push (issue 8). */
let core: StudioCore;
afterEach(() => core?.close());

const DAY = 86_400_000;

function knownPlan(c: StudioCore, state: BillingState, fetchedAt: number): void {
  // Only the state and when it was heard are read back (plan-store.ts).
  new PlanStore(c.db).save(c.studio.get().tenantId, { state, fetchedAt } as BillingStatus);
}

describe("plan limits on the desk", () => {
  it("applies the Free plan's two rooms and one location once the trial is over, refusing before writing", () => {
    const clock = manualClock(T0);
    const w = setUpCore(clock.now);
    core = w.core;
    knownPlan(core, { mode: "on", subscription: null, studioTrialEndsAt: T0 - DAY }, T0);
    core.rooms.create(roomInput(w.locationId, { name: "Booth" }));
    const outbox = () => (core.db.prepare("SELECT count(*) AS n FROM outbox").get() as { n: number }).n;
    const before = outbox();
    expect(() => core.rooms.create(roomInput(w.locationId, { name: "Third" }))).toThrow(expect.objectContaining({ code: "PLAN_LIMIT", details: expect.objectContaining({ limit: "maxRooms", max: 2, upgradeTo: "pro" }) }));
    expect(() => core.locations.create(locationInput({ name: "Lyon" }))).toThrow(expect.objectContaining({ code: "PLAN_LIMIT" }));
    expect(outbox()).toBe(before);
    // Archiving a room frees its place, as on the server.
    core.rooms.archive(core.rooms.list().find((r) => r.name === "Booth")!.id);
    expect(core.rooms.create(roomInput(w.locationId, { name: "Third" })).name).toBe("Third");
  });

  it("keeps a trial running offline until its end, and never goes read-only for want of the server", () => {
    const clock = manualClock(T0);
    const w = setUpCore(clock.now);
    core = w.core;
    knownPlan(core, { mode: "on", subscription: null, studioTrialEndsAt: T0 + 2 * DAY }, T0);
    core.rooms.create(roomInput(w.locationId, { name: "Booth" }));
    expect(core.rooms.create(roomInput(w.locationId, { name: "Third" })).name).toBe("Third");
    clock.set(T0 + 40 * DAY); // trial over, offline grace over: Free limits, still writable
    expect(() => core.rooms.create(roomInput(w.locationId, { name: "Fourth" }))).toThrow(expect.objectContaining({ code: "PLAN_LIMIT" }));
    expect(core.clients.create({ kind: "person", name: "Still booking" }).name).toBe("Still booking");
  });

  it("refuses every change once the server said the studio is read-only, and nothing with billing off", () => {
    const w = setUpCore();
    core = w.core;
    knownPlan(core, {
      mode: "on", studioTrialEndsAt: null,
      subscription: { plan: "pro", interval: "month", status: "past_due", currentPeriodEnd: null, trialEnd: null, pastDueSince: Date.now() - 30 * DAY, cancelAtPeriodEnd: false },
    }, Date.now());
    expect(() => core.clients.create({ kind: "person", name: "Blocked" })).toThrow(expect.objectContaining({ code: "PLAN_READ_ONLY" }));
    knownPlan(core, { mode: "off", plan: "free" }, Date.now() - 365 * DAY);
    expect(core.clients.create({ kind: "person", name: "Fine" }).name).toBe("Fine");
  });
});

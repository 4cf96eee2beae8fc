import { afterEach, describe, expect, it } from "vitest";
import { encodeHlc } from "../../../shared/hlc";
import type { MutationResult, PullOutput, PushedMutation } from "../../../shared/sync/protocol";
import { encodePullPage } from "../../../shared/sync/pull-wire";
import { roomInput, setUpCore } from "../test-fixtures";
import type { StudioCore } from "../studio-core";
import { syncInbox } from "./sync-inbox";

let core: StudioCore;
afterEach(() => core?.close());

/** A server that refuses client changes and accepts the rest. */
const refusingClients = {
  push: (input: { mutations: PushedMutation[] }) =>
    Promise.resolve({
      results: input.mutations.map((m): MutationResult =>
        m.entity === "client" ? { mutationId: m.mutationId, status: "rejected", code: "FORBIDDEN", message: "Staff may not add clients" } : { mutationId: m.mutationId, status: "applied", version: 1 },
      ),
    }),
  pull: () => Promise.resolve(encodePullPage([], 0)),
};

const applyAll = (mutations: PushedMutation[]) =>
  Promise.resolve({ results: mutations.map((m): MutationResult => ({ mutationId: m.mutationId, status: "applied", version: 1 })) });

describe("sync inbox", () => {
  it("lists refused changes with their reason until retried or dismissed", async () => {
    ({ core } = setUpCore());
    const kept = core.clients.create({ kind: "person", name: "Refused once" });
    core.clients.create({ kind: "person", name: "Read and dismissed" });
    await core.createSyncEngine(refusingClients).syncOnce();

    const { rejected, conflicts } = syncInbox(core);
    expect(conflicts).toEqual([]);
    expect(rejected.map((r) => [r.entity, r.code, r.changes.name])).toEqual([
      ["client", "FORBIDDEN", "Read and dismissed"],
      ["client", "FORBIDDEN", "Refused once"],
    ]);
    core.outbox.retryRejected(rejected.find((r) => r.rowId === kept.id)!.mutationId);
    core.outbox.dismissRejected(rejected.find((r) => r.rowId !== kept.id)!.mutationId);
    expect(syncInbox(core).rejected).toEqual([]);
    expect(core.outbox.pending().map((m) => m.rowId)).toEqual([kept.id]);
    // Dismissing does not delete: the outbox keeps what was refused and why.
    expect(core.db.prepare("SELECT status, reject_code FROM outbox WHERE status = 'dismissed'").all()).toEqual([{ status: "dismissed", reject_code: "FORBIDDEN" }]);
    expect(() => core.outbox.dismissRejected(rejected[0]!.mutationId)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  it("shows a booking kept as conflict with what is in its way, until it is moved and confirmed again", async () => {
    const w = setUpCore();
    core = w.core;
    const roomB = core.rooms.create({ ...roomInput(w.locationId), name: "Studio B" });
    const at = (h: number) => new Date(Date.UTC(2027, 6, 2, h)).toISOString();
    const winner = core.bookings.create({ locationId: w.locationId, roomIds: [w.roomId], title: "Winner", startsAt: at(9), endsAt: at(12) }).booking;
    const loser = core.bookings.create({ locationId: w.locationId, roomIds: [roomB.id], title: "Offline", startsAt: at(10), endsAt: at(11) }).booking;
    // The server's answer for a desk that booked Studio A offline: kept, as `conflict`.
    const stamp = encodeHlc({ wallMs: Date.now() + 1000, counter: 0, node: "server-desk" });
    const pulled: PullOutput = encodePullPage([{ entity: "booking", rowId: loser.id, version: 9, fields: { status: "conflict", roomIds: JSON.stringify([w.roomId]) }, fieldHlc: { status: stamp, roomIds: stamp }, deletedAt: null }], 9);
    await core.createSyncEngine({ push: (input) => applyAll(input.mutations), pull: () => Promise.resolve(pulled) }).syncOnce();

    const [item] = syncInbox(core).conflicts;
    expect(item?.booking).toMatchObject({ id: loser.id, status: "conflict" });
    expect(item?.failures).toEqual([expect.objectContaining({ code: "ROOM_BOOKED", conflictingBookingId: winner.id })]);
    expect(() => core.bookings.setStatus({ id: loser.id, status: "confirmed" })).toThrow(expect.objectContaining({ code: "BOOKING_REFUSED" }));

    core.bookings.update({ id: loser.id, patch: { startsAt: at(13), endsAt: at(14) } });
    expect(core.bookings.setStatus({ id: loser.id, status: "confirmed" }).status).toBe("confirmed");
    expect(syncInbox(core).conflicts).toEqual([]);
  });
});

import type { StudioCore } from "../studio-core";
import { DEMO_GEAR, DEMO_LOCATIONS, DEMO_ROOMS, DEMO_STAFF, DEMO_STUDIO, demoClients } from "./demo-studio";

/** Fills an empty database with the demo studio, all through the normal services (and outbox). */
export function seedDemoStudio(core: StudioCore): void {
  core.db.transaction(() => {
    core.studio.createStudio(DEMO_STUDIO);
    const ids: Record<string, string> = {};
    for (const { key, ...loc } of DEMO_LOCATIONS) ids[key] = core.locations.create(loc).id;
    for (const { at, ...room } of DEMO_ROOMS) core.rooms.create({ ...room, locationId: ids[at] });
    for (const { at, ...person } of DEMO_STAFF) core.staff.create({ ...person, locationId: ids[at] });
    for (const { at, ...gear } of DEMO_GEAR) core.equipment.create({ ...gear, locationId: ids[at] });
    for (const client of demoClients()) core.clients.create(client);
  })();
}

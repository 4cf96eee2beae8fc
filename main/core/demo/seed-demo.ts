import type { StudioCore } from "../studio-core";
import { seedDemoBookings, type DemoBookingSite } from "./demo-bookings";
import { seedDemoInvoices } from "./demo-invoices";
import { DEMO_GEAR, DEMO_LOCATIONS, DEMO_ROOMS, DEMO_STAFF, DEMO_STUDIO, demoClients } from "./demo-studio";

/** Fills an empty database with the demo studio, all through the normal services (and outbox). */
export function seedDemoStudio(core: StudioCore): void {
  core.db.transaction(() => {
    core.studio.createStudio(DEMO_STUDIO);
    const sites: Record<string, DemoBookingSite> = {};
    for (const { key, ...loc } of DEMO_LOCATIONS) {
      const created = core.locations.create(loc);
      sites[key] = { locationId: created.id, timeZone: created.timeZone, roomIds: [], engineerIds: [], gearIds: [] };
    }
    for (const { at, ...room } of DEMO_ROOMS) sites[at]!.roomIds.push(core.rooms.create({ ...room, locationId: sites[at]!.locationId }).id);
    for (const { at, ...person } of DEMO_STAFF) {
      const created = core.staff.create({ ...person, locationId: sites[at]!.locationId });
      if (created.role === "engineer") sites[at]!.engineerIds.push(created.id);
    }
    for (const { at, ...gear } of DEMO_GEAR) sites[at]!.gearIds.push(core.equipment.create({ ...gear, locationId: sites[at]!.locationId }).id);
    const clientIds = demoClients().map((client) => core.clients.create(client).id);
    seedDemoBookings(core, Object.values(sites), clientIds);
    seedDemoInvoices(core, { paris: sites["paris"]!.locationId, london: sites["london"]!.locationId }, clientIds);
  })();
}

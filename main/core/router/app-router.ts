import { createClientInput, updateClientInput } from "../../../shared/schemas/client";
import { createEquipmentInput, updateEquipmentInput } from "../../../shared/schemas/equipment";
import { createLocationInput, updateLocationInput } from "../../../shared/schemas/location";
import { createRoomInput, updateRoomInput } from "../../../shared/schemas/room";
import { createStaffInput, updateStaffInput } from "../../../shared/schemas/staff";
import { accountProcedures } from "./procedures/account-procedures";
import { billingProcedures } from "./procedures/billing-procedures";
import { bookingProcedures } from "./procedures/booking-procedures";
import { documentsProcedures } from "./procedures/documents-procedures";
import { reportProcedures } from "./procedures/report-procedures";
import { syncProcedures } from "./procedures/sync-procedures";
import { entityProcedures } from "./procedures/entity-procedures";
import { studioProcedures } from "./procedures/studio-procedures";
import { teamProcedures } from "./procedures/team-procedures";
import { createCallerFactory, router } from "./trpc";

/** The one router the renderer talks to, over Electron IPC or WebSocket alike. */
export const appRouter = router({
  studio: studioProcedures,
  locations: entityProcedures("locations", createLocationInput, updateLocationInput),
  rooms: entityProcedures("rooms", createRoomInput, updateRoomInput),
  staff: entityProcedures("staff", createStaffInput, updateStaffInput),
  equipment: entityProcedures("equipment", createEquipmentInput, updateEquipmentInput),
  clients: entityProcedures("clients", createClientInput, updateClientInput),
  bookings: bookingProcedures,
  reports: reportProcedures,
  account: accountProcedures,
  sync: syncProcedures,
  documents: documentsProcedures,
  team: teamProcedures,
  billing: billingProcedures,
});

export type AppRouter = typeof appRouter;
export const createCoreCaller = createCallerFactory(appRouter);

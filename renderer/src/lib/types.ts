import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../main/core/router/app-router";

type Out = inferRouterOutputs<AppRouter>;
export type LocationRow = Out["locations"]["list"][number];
export type RoomRow = Out["rooms"]["list"][number];
export type StaffRow = Out["staff"]["list"][number];
export type EquipmentRow = Out["equipment"]["list"][number];
export type ClientRow = Out["clients"]["list"][number];
export type Studio = Out["studio"]["get"];

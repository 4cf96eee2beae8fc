import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../../main/core/router/app-router";

/** What the conflicts inbox lists, as the core sends it. */
type Inbox = inferRouterOutputs<AppRouter>["sync"]["inbox"];
export type ConflictItem = Inbox["conflicts"][number];
export type RejectedItem = Inbox["rejected"][number];

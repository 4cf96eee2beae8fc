import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "../../../../main/core/router/app-router";

/** The reports as the core sends them: money fields absent when the person may not see money. */
type Out = inferRouterOutputs<AppRouter>["reports"];
export type ReportScopeMeta = Out["scope"];
export type RevenueReport = Out["revenue"];
export type UtilisationReport = Out["utilisation"];
export type CancellationsReport = Out["cancellations"];
export type EngineersReport = Out["engineers"];
export type TopClientsReport = Out["topClients"];
export type DepositsReport = Out["deposits"];
export type AgingReport = Out["aging"];
export type ReportQuery = inferRouterInputs<AppRouter>["reports"]["revenue"];

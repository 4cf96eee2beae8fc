/** What the global setup writes once the test cluster is up (or could not start). */
export type ClusterState = { ok: true; adminUrl: string; host: string; port: number } | { ok: false; error: string };

/** Migrated once per run; every test file copies it (CREATE DATABASE … TEMPLATE) in a fraction of a second. */
export const TEMPLATE_DATABASE = "rsm_template";
/** The app role's password in the throwaway cluster. */
export const TEST_APP_PASSWORD = "test-app-password-0123456789";

declare module "vitest" {
  export interface ProvidedContext {
    postgresHarness: { stateFile: string };
  }
}

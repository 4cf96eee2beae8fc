import os from "node:os";
import { defineConfig } from "vitest/config";

/**
 * Unit tests sit beside the code they test; integration tests live in tests/integration.
 * End-to-end tests (Playwright, tests/e2e) have their own runner and are never collected here.
 */
export default defineConfig({
  test: {
    environment: "node",
    include: [
      "shared/**/*.test.ts",
      "main/**/*.test.ts",
      "sync-server/**/*.test.ts",
      "tests/integration/**/*.test.ts",
      "renderer/src/**/*.test.ts",
    ],
    exclude: ["tests/e2e/**", "**/dist/**", "**/node_modules/**"],
    // One throwaway PostgreSQL cluster per run, started in the background for the sync-server tests.
    globalSetup: ["tests/integration/postgres-global-setup.ts"],
    // Worker threads start faster than forked processes, and better-sqlite3 is thread-safe per
    // connection. One worker per core: on a 2-core CI runner the suite runs two files at a time.
    pool: "threads",
    maxWorkers: Math.max(1, os.availableParallelism()),
    testTimeout: 15_000,
    hookTimeout: 30_000,
  },
});

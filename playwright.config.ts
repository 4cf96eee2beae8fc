import { defineConfig } from "@playwright/test";

const CI = Boolean(process.env.CI);

/**
 * End-to-end tests drive the built renderer in the system's Chromium (no browser download).
 * There is no shared webServer: every test starts its own studio host on a fresh SQLite data
 * folder (see tests/e2e/fixtures.ts), so tests can run in parallel and never see each other's data.
 */
export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  globalSetup: "./tests/e2e/global-setup.ts",
  // Each test has its own host and database, so tests of one file can run side by side.
  fullyParallel: true,
  // CI runs on 2 cores: one Chromium + one host per worker.
  workers: 2,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]],
  use: {
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    colorScheme: "light",
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.STUDIO_E2E_CHROMIUM ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium" }],
});

import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const BUILT_HOST = path.join(root, "dist/host/cli.mjs");
const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** One studio host process on a data folder of its own. */
export interface Studio {
  /** Where the host serves the app right now (the port may change across a restart). */
  readonly url: string;
  readonly dataDir: string;
  /** Stops the host (as closing the app would) and starts it again on the same data folder. */
  restart(): Promise<string>;
}

export interface RunningHost {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * `node dist/host/cli.mjs` once built, else the TypeScript source through tsx (what `npx tsx` runs,
 * without npx's extra processes, so stopping the host stops it all). STUDIO_E2E_HOST=source forces the source.
 */
function hostCommand(): string[] {
  const fromSource = process.env.STUDIO_E2E_HOST === "source" || !fs.existsSync(BUILT_HOST);
  return fromSource ? ["--import", "tsx", path.join(root, "main/host/cli.ts")] : [BUILT_HOST];
}

export async function startHost({ dataDir, demo, port, log }: { dataDir: string; demo: boolean; port: number; log: string[] }): Promise<RunningHost> {
  const args = [...hostCommand(), "--data-dir", dataDir, "--port", String(port), "--no-open", ...(demo ? ["--demo"] : [])];
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, STUDIO_NO_OPEN: "1", STUDIO_DATA_DIR: undefined, STUDIO_PORT: undefined },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL"); // never leave a half-started host behind
      reject(new Error(`The studio host did not print its URL within ${START_TIMEOUT_MS} ms:\n${log.join("")}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /running at (https?:\/\/[^\s;]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on("data", (chunk: Buffer) => {
      log.push(chunk.toString());
      onData(chunk);
    });
    child.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The studio host exited (code ${code}) before it was ready:\n${log.join("")}`));
    });
  });

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  return { url, port: Number(new URL(url).port), child, stop };
}

interface Options {
  /** Start the host with `--demo`: an empty database gets the demo studio (Studio Lumière). */
  demo: boolean;
}

interface Fixtures {
  studio: Studio;
  /** Uncaught errors in the page fail the test. */
  failOnPageErrors: void;
}

export const test = base.extend<Options & Fixtures>({
  demo: [false, { option: true }],

  studio: async ({ demo }, use, testInfo) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-e2e-"));
    const log: string[] = [];
    let host = await startHost({ dataDir, demo, port: 0, log });
    const studio: Studio = {
      get url() {
        return host.url;
      },
      dataDir,
      async restart() {
        await host.stop();
        log.push("--- restart ---\n");
        // The same port when it is still free, as the app would; the host picks another if not.
        host = await startHost({ dataDir, demo, port: host.port, log });
        return host.url;
      },
    };
    try {
      await use(studio);
    } finally {
      await host.stop();
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach("host.log", { body: log.join(""), contentType: "text/plain" });
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },

  failOnPageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
      await use();
      expect(errors, "uncaught errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

// ---------------------------------------------------------------------------------------------
// What a person sees and touches, named as they would name it.

export const sidebar = (page: Page): Locator => page.getByRole("navigation", { name: "Navigation" });

/** Opens the app and waits until the studio (or the welcome page) is on screen. */
export async function openApp(page: Page, studio: Studio): Promise<void> {
  await page.goto(studio.url);
  await expect(page.getByText("Chargement…")).toHaveCount(0);
}

export async function goTo(page: Page, navLabel: string | RegExp, heading: string | RegExp = navLabel): Promise<void> {
  await sidebar(page).getByRole("button", { name: navLabel }).click();
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
}

/** The list's "N clients" counter under the page title, once the list has loaded. */
export async function listCount(page: Page): Promise<number> {
  await expect(page.locator("table.data tbody tr, .empty").first()).toBeVisible();
  return Number(await page.getByTestId("list-count").getAttribute("data-count"));
}

/** Waits until the list's counter says `n` (the list refreshes on its own after a change). */
export async function expectCount(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId("list-count")).toHaveAttribute("data-count", String(n));
}

/** The command palette (Ctrl+K). */
export const palette = (page: Page): Locator => page.getByRole("dialog", { name: /^(Rechercher ou aller à…|Search or jump to…)$/ });

export const drawer = (page: Page, title: string | RegExp): Locator => page.getByRole("dialog", { name: title });

export const table = (page: Page, name: string): Locator => page.getByRole("table", { name, exact: true });

export const row = (tableLocator: Locator, text: string | RegExp): Locator => tableLocator.getByRole("row").filter({ hasText: text });

export const SCREENSHOTS = path.join(root, "test-results/screenshots");

/**
 * A full-page picture. The app scrolls inside its content area and its drawers, not the document,
 * so the viewport is made as tall as the longest of those for the shot, then put back.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.locator("html").evaluate(async (html) => {
    await html.ownerDocument.fonts.ready;
  });
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  // With a drawer or the palette open, show all of it; the page behind stays as the person sees it.
  const scroller = (await page.locator(".drawer").count()) ? ".drawer-body" : (await page.locator(".palette").count()) ? ".palette-list" : ".content";
  const heights = await page.locator(scroller).evaluateAll((els) => els.map((el) => el.scrollHeight - el.clientHeight));
  const overflow = Math.max(0, ...heights);
  if (overflow > 0) await page.setViewportSize({ width: size.width, height: Math.min(size.height + overflow, 6000) });
  try {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: "disabled" });
  } finally {
    if (overflow > 0) await page.setViewportSize(size);
  }
}

/** A call to the studio core over the page's own WebSocket, for set-up the screens make long (a booking at an exact time). */
export async function callCore<T>(page: Page, method: "query" | "mutation", procedure: string, input: unknown): Promise<T> {
  return page.evaluate(
    ({ method, procedure, input }) =>
      new Promise<T>((resolve, reject) => {
        // The root tsconfig has no DOM types: the page's location, typed by hand.
        const { host } = (globalThis as unknown as { location: { host: string } }).location;
        const ws = new WebSocket(`ws://${host}/trpc`);
        ws.onopen = () => ws.send(JSON.stringify({ id: 1, method, params: { path: procedure, input } }));
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { id?: number; result?: { type: string; data?: T }; error?: unknown };
          if (message.id !== 1 || (message.result && message.result.type !== "data")) return;
          ws.close();
          if (message.error) reject(new Error(JSON.stringify(message.error)));
          else resolve(message.result!.data as T);
        };
        ws.onerror = () => reject(new Error(`WebSocket error calling ${procedure}`));
      }),
    { method, procedure, input },
  );
}

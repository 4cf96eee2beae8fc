import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell, type WebContents } from "electron";
import os from "node:os";
import path from "node:path";
import { IPC_CHANNELS } from "../../shared/desktop-bridge";
import { resolveDataDir } from "../core/data-dir";
import { seedDemoStudio } from "../core/demo/seed-demo";
import { appRouter } from "../core/router/app-router";
import { createStudioCore, type StudioCore } from "../core/studio-core";
import { isOwnRendererUrl, isSafeExternalUrl } from "./app-origin";
import { createIpcHandler } from "./ipc-handler";
import { buildMenuTemplate } from "./menu";
import { safeStorageSecrets } from "./safe-storage-secrets";
import { saveWithDialog } from "./save-dialog";
import { fitToDisplays, MIN_WINDOW_SIZE } from "./window-state";
import { readWindowState, rememberWindowState } from "./window-state-file";

// Bundled to dist/electron/main.cjs: the renderer build and the preload sit beside it.
const RENDERER_DIR = path.join(__dirname, "../renderer");
const PRELOAD = path.join(__dirname, "preload.cjs");
const APP_NAME = "Recording Studio Manager";

let core: StudioCore | null = null;
let mainWindow: BrowserWindow | null = null;

function fatal(message: string): never {
  dialog.showErrorBox(APP_NAME, message);
  app.exit(1);
  throw new Error(message);
}

/** Same overrides as browser mode; userData follows --data-dir so window state and lock do too. */
function setUpDataDir(): string {
  try {
    const { dataDir, databaseFile } = resolveDataDir({
      argv: process.argv,
      env: process.env,
      platform: process.platform,
      homedir: os.homedir(),
      defaultDir: app.getPath("userData"),
    });
    app.setPath("userData", dataDir);
    return databaseFile;
  } catch (error) {
    return fatal((error as Error).message);
  }
}

function openCore(databaseFile: string): StudioCore {
  try {
    // After `ready` (safeStorage needs it): the refresh token is sealed by the OS keychain.
    const secrets = safeStorageSecrets() ?? undefined;
    const opened = createStudioCore({ databaseFile, nativeBinding: process.env.STUDIO_SQLITE_BINDING || undefined, ...(secrets ? { secrets } : {}) });
    if (process.argv.includes("--demo") && !opened.studio.find()) seedDemoStudio(opened);
    return opened;
  } catch (error) {
    return fatal(`The studio database could not be opened (${databaseFile}): ${(error as Error).message}`);
  }
}

function createWindow(): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const workAreas = [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => d.workArea);
  const state = fitToDisplays(readWindowState(app.getPath("userData")), workAreas);
  const window = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: Math.min(MIN_WINDOW_SIZE.width, state.width),
    minHeight: Math.min(MIN_WINDOW_SIZE.height, state.height),
    title: APP_NAME,
    show: false,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      devTools: !app.isPackaged,
    },
  });
  if (state.maximized) window.maximize();
  window.once("ready-to-show", () => window.show());
  rememberWindowState(window, app.getPath("userData"));
  window.on("closed", () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadFile(path.join(RENDERER_DIR, "index.html"));
  return window;
}

/** New windows and navigation never leave the app; web and mail links go to the system's handlers. */
function secureContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: "deny" };
  });
  contents.on("will-navigate", (event, url) => {
    if (isOwnRendererUrl(url, RENDERER_DIR)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  contents.on("will-attach-webview", (event) => event.preventDefault());
}

function registerIpc(openedCore: StudioCore): void {
  ipcMain.handle(
    IPC_CHANNELS.trpc,
    createIpcHandler({
      router: appRouter,
      createContext: () => ({ core: openedCore }),
      rendererDir: RENDERER_DIR,
      onError: ({ error, path: procedurePath }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[studio] ${procedurePath ?? "?"}:`, error.cause ?? error);
      },
    }),
  );
  ipcMain.handle(IPC_CHANNELS.saveFile, (event, request: unknown) => {
    if (!isOwnRendererUrl(event.senderFrame?.url, RENDERER_DIR)) throw new Error("Save refused: the sender is not the studio's own window");
    return saveWithDialog(BrowserWindow.fromWebContents(event.sender), request, app.getPath("documents"));
  });
}

function start(): void {
  const databaseFile = setUpDataDir();
  if (!app.requestSingleInstanceLock()) {
    // Another window already has this studio open: it is brought to the front (second-instance).
    app.quit();
    return;
  }
  app.on("second-instance", () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on("web-contents-created", (_event, contents) => secureContents(contents));
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });
  app.on("will-quit", () => {
    core?.close();
    core = null;
  });

  void app.whenReady().then(() => {
    core = openCore(databaseFile);
    core.sync.start();
    registerIpc(core);
    // The app asks for no camera, microphone, notifications or location: refuse them all.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    const template = buildMenuTemplate({
      locale: app.getLocale(),
      platform: process.platform,
      appName: APP_NAME,
      devTools: !app.isPackaged,
      openDataFolder: () => void shell.openPath(app.getPath("userData")),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
    mainWindow = createWindow();
    app.on("activate", () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });
}

start();

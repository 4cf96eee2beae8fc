import { describe, expect, it } from "vitest";
import { resolveDataDir, type DataDir, type DataDirInput } from "./data-dir";

const linux = { platform: "linux", homedir: "/home/ana", cwd: "/work" } as const;
const mac = { platform: "darwin", homedir: "/Users/ana", cwd: "/Users/ana" } as const;
const win = { platform: "win32", homedir: "C:\\Users\\ana", cwd: "C:\\Users\\ana" } as const;

const cases: Array<[string, DataDirInput, Omit<DataDir, "databaseFile">]> = [
  ["linux default", { ...linux, argv: [], env: {} }, { dataDir: "/home/ana/.local/share/recording-studio-manager", source: "default" }],
  ["linux XDG_DATA_HOME", { ...linux, argv: [], env: { XDG_DATA_HOME: "/data/xdg" } }, { dataDir: "/data/xdg/recording-studio-manager", source: "default" }],
  ["linux relative XDG_DATA_HOME is ignored", { ...linux, argv: [], env: { XDG_DATA_HOME: "xdg" } }, { dataDir: "/home/ana/.local/share/recording-studio-manager", source: "default" }],
  ["macOS default", { ...mac, argv: [], env: {} }, { dataDir: "/Users/ana/Library/Application Support/Recording Studio Manager", source: "default" }],
  ["windows APPDATA", { ...win, argv: [], env: { APPDATA: "D:\\Roaming" } }, { dataDir: "D:\\Roaming\\Recording Studio Manager", source: "default" }],
  ["windows without APPDATA", { ...win, argv: [], env: {} }, { dataDir: "C:\\Users\\ana\\AppData\\Roaming\\Recording Studio Manager", source: "default" }],
  ["Electron's userData replaces the default", { ...linux, argv: [], env: {}, defaultDir: "/home/ana/.config/rsm" }, { dataDir: "/home/ana/.config/rsm", source: "default" }],
  ["env overrides the default", { ...linux, argv: [], env: { STUDIO_DATA_DIR: "/srv/studio" }, defaultDir: "/x" }, { dataDir: "/srv/studio", source: "env" }],
  ["blank env is ignored", { ...linux, argv: [], env: { STUDIO_DATA_DIR: "  " } }, { dataDir: "/home/ana/.local/share/recording-studio-manager", source: "default" }],
  ["relative env resolves against cwd", { ...linux, argv: [], env: { STUDIO_DATA_DIR: "data" } }, { dataDir: "/work/data", source: "env" }],
  ["flag overrides env", { ...linux, argv: ["node", "cli", "--data-dir", "/tmp/a"], env: { STUDIO_DATA_DIR: "/srv/studio" } }, { dataDir: "/tmp/a", source: "flag" }],
  ["flag with =", { ...linux, argv: ["--demo", "--data-dir=./b"], env: {} }, { dataDir: "/work/b", source: "flag" }],
  ["windows relative flag", { ...win, argv: ["--data-dir", "studio"], env: {} }, { dataDir: "C:\\Users\\ana\\studio", source: "flag" }],
];

describe("resolveDataDir", () => {
  it.each(cases)("%s", (_name, input, expected) => {
    const result = resolveDataDir(input);
    expect(result.dataDir).toBe(expected.dataDir);
    expect(result.source).toBe(expected.source);
    const sep = input.platform === "win32" ? "\\" : "/";
    expect(result.databaseFile).toBe(`${expected.dataDir}${sep}studio.sqlite`);
  });

  it.each([[["--data-dir"]], [["--data-dir", "--demo"]], [["--data-dir="]]])("refuses a flag without a path: %j", (argv) => {
    expect(() => resolveDataDir({ ...linux, argv, env: {} })).toThrow(/--data-dir needs a folder path/);
  });
});

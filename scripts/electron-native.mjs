// better-sqlite3 is compiled for this Node; Electron needs a build for its own ABI.
// Built once per (better-sqlite3, Electron, platform, arch) into .electron-native/, from a temp copy
// so node_modules keeps the build that browser mode and the tests use.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BUILD_TIMEOUT_MS = 15 * 60_000;

function nodeGypScript(root) {
  const candidates = [
    path.join(root, "node_modules", "node-gyp", "bin", "node-gyp.js"),
    path.join(path.dirname(process.execPath), "..", "lib", "node_modules", "npm", "node_modules", "node-gyp", "bin", "node-gyp.js"),
  ];
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

function lastMeaningfulLine(output) {
  if (/network connectivity|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|fetch failed/.test(output)) return "Electron's headers could not be downloaded";
  const lines = output.split("\n").map((l) => l.trim()).filter((l) => l && !/^gyp (info|http)/.test(l));
  const error = lines.filter((l) => /^gyp ERR! (?!(stack|System|command|cwd|node -v|node-gyp -v|not ok))/.test(l)).at(0);
  return (error ?? lines.at(-1) ?? "no output").replace(/^gyp ERR!\s*/, "").slice(0, 140);
}

/** { binding: path to better_sqlite3.node for Electron } or { reason }. */
export async function ensureElectronSqlite(root, electronVersion) {
  const source = path.join(root, "node_modules", "better-sqlite3");
  const { version } = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
  const key = `better-sqlite3-${version}-electron-${electronVersion}-${process.platform}-${process.arch}`;
  const outDir = path.join(root, ".electron-native", key);
  const binding = path.join(outDir, "better_sqlite3.node");
  if (fs.existsSync(binding)) return { binding };

  const gyp = nodeGypScript(root);
  if (!gyp) return { reason: "node-gyp is not installed" };
  console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; cached in .electron-native/)...`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "rsm-sqlite-electron-"));
  try {
    for (const entry of ["package.json", "binding.gyp", "src", "deps"]) fs.cpSync(path.join(source, entry), path.join(work, entry), { recursive: true });
    const args = [gyp, "rebuild", "--release", `--target=${electronVersion}`, `--arch=${process.arch}`, "--dist-url=https://electronjs.org/headers"];
    const result = await run(process.execPath, args, work);
    const built = path.join(work, "build", "Release", "better_sqlite3.node");
    if (!result.ok || !fs.existsSync(built)) {
      fs.mkdirSync(path.join(root, ".electron-native"), { recursive: true });
      const log = path.join(root, ".electron-native", `${key}.log`);
      fs.writeFileSync(log, result.output);
      return { reason: `better-sqlite3 could not be built for Electron ${electronVersion}: ${result.reason ?? lastMeaningfulLine(result.output)}; log in ${path.relative(root, log)}` };
    }
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(built, `${binding}.tmp`);
    fs.renameSync(`${binding}.tmp`, binding);
    return { binding };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function run(command, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], timeout: BUILD_TIMEOUT_MS });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", (error) => resolve({ ok: false, output, reason: error.message }));
    child.on("close", (code, signal) =>
      resolve({ ok: code === 0, output, reason: signal ? `timed out after ${BUILD_TIMEOUT_MS / 60_000} min` : undefined }),
    );
  });
}

/**
 * The compiled CLI (dist-cli/main.cjs, scripts/build-cli.js): built from the sources, it answers
 * exactly as the TypeScript does; bin/xxgk-report.js runs it only while no source is newer, and
 * falls back to the sources (tsx) when one is, or when there is no bundle at all.
 */
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { FIXTURES, PROJECT_ROOT } from "../helpers/paths";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");

async function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build-cli.js"), "--strict"], { cwd: PROJECT_ROOT });
  // What bin/xxgk-report.js decides: with no source newer than the stamp, the bundle runs.
  const { bundleIsCurrent } = require(path.join(PROJECT_ROOT, "scripts", "cliBundle.js")) as { bundleIsCurrent(r: string): boolean };
  expect(bundleIsCurrent(PROJECT_ROOT)).toBe(true);
});

test.each([
  ["a text report", ["check", path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt")]],
  ["a saved portal page as JSON", ["check", path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "--json"]],
  ["a folder", ["check", path.join(FIXTURES, "real")]],
  // pdf.js is the one ES module: imported through dist-cli/import.cjs (scripts/build-cli.js).
  ["a published PDF", ["check", path.join(FIXTURES, "pdf-real", "2024-huaian-shi.pdf")]],
  ["a missing file", ["check", path.join(FIXTURES, "no-such-report.txt")]],
  ["an unknown command", ["frobnicate"]],
])("the bundle answers %s exactly as the sources do", async (_name, args) => {
  const compiled = await cli({}, ...args);
  const source = await cli({ XXGK_CLI_FROM_SOURCE: "1" }, ...args);
  expect(compiled).toEqual(source);
  expect(compiled.stderr).not.toContain("内部错误");
});

describe("bin/xxgk-report.js chooses the bundle only while it is current", () => {
  let root: string;
  const say = (root: string) => execFileSync(process.execPath, [path.join(root, "bin", "xxgk-report.js")], { encoding: "utf8" }).trim();

  beforeEach(() => {
    // A project of two stand-ins: a "bundle" and a "source" CLI that only say which they are.
    root = mkdtempSync(path.join(os.tmpdir(), "xxgk-bin-"));
    for (const d of ["bin", "scripts", "dist-cli", "src/cli"]) mkdirSync(path.join(root, d), { recursive: true });
    copyFileSync(BIN, path.join(root, "bin", "xxgk-report.js"));
    copyFileSync(path.join(PROJECT_ROOT, "scripts", "cliBundle.js"), path.join(root, "scripts", "cliBundle.js"));
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"));
    writeFileSync(path.join(root, "src", "cli", "main.ts"), 'export async function main(): Promise<number> { process.stdout.write("source\\n"); return 0; }\n');
    writeFileSync(path.join(root, "dist-cli", "main.cjs"), 'exports.main = async () => { process.stdout.write("bundle\\n"); return 0; };\n');
    const { newestSource, STAMP } = require(path.join(root, "scripts", "cliBundle.js")) as { newestSource(r: string): number; STAMP: string };
    writeFileSync(path.join(root, STAMP), JSON.stringify({ newest: newestSource(root) }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("current: the bundle", () => {
    expect(say(root)).toBe("bundle");
  });

  test("a source edited after the build: the sources", () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, "src", "cli", "main.ts"), later, later);
    expect(say(root)).toBe("source");
  });

  test("no bundle, or no stamp: the sources", () => {
    rmSync(path.join(root, "dist-cli", "stamp.json"));
    expect(say(root)).toBe("source");
    rmSync(path.join(root, "dist-cli"), { recursive: true });
    expect(say(root)).toBe("source");
  });
});

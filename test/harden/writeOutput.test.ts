/**
 * Outputs that cannot destroy a file (issue 25, point 6): the CLI writes to a temporary file
 * beside the target, flushes it and renames it into place, so a failure half-way or a killed
 * process leaves the old file; a hard link of the input is recognised as the input.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, chmodSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run as exportRun } from "../../src/cli/commands/export";
import { run as templateRun } from "../../src/cli/commands/template";
import { TEMP_PREFIX, writeOutput } from "../../src/cli/writeOutput";
import { captureIO } from "../helpers/cliIO";
import { cliRunner } from "../helpers/otherUser";
import { FIXTURES, PROJECT_ROOT, outputDir } from "../helpers/paths";

jest.setTimeout(60_000);

const SEED = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");
const ROOT = outputDir("harden-write");

const io = (cwd = ROOT) => captureIO(cwd);

function freshDir(name: string): string {
  const dir = path.join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

const temps = (dir: string) => readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));

test("a hard link of the input is the input: refused, exit 2, input unchanged", async () => {
  const dir = freshDir("hardlink");
  const input = path.join(dir, "x.txt");
  copyFileSync(SEED, input);
  linkSync(input, path.join(dir, "alias.html"));
  const before = readFileSync(input);
  const c = io();
  expect(await exportRun(["hardlink/x.txt", "--html", "hardlink/alias.html"], c)).toBe(2);
  expect(c.errText.join("\n")).toContain("就是输入文件");
  expect(readFileSync(input)).toEqual(before);
});

test("an export replaces the old output in one step and keeps its permissions", async () => {
  const dir = freshDir("replace");
  const out = path.join(dir, "r.html");
  writeFileSync(out, "old");
  chmodSync(out, 0o640);
  expect(await exportRun([SEED, "--html", "replace/r.html"], io())).toBe(0);
  expect(readFileSync(out, "utf8")).toContain("<html");
  expect(statSync(out).mode & 0o777).toBe(0o640);
  expect(temps(dir)).toEqual([]);
});

test("a writer that fails half-way leaves the old file intact and no temporary file", async () => {
  const dir = freshDir("halfway");
  const out = path.join(dir, "report.pdf");
  writeFileSync(out, "%PDF-1.7 the good one");
  const failing = async (h: import("node:fs/promises").FileHandle) => {
    await h.write(Buffer.from("%PDF-1.7 half of a new one"));
    throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
  };
  await expect(writeOutput(out, failing)).rejects.toMatchObject({ code: "ENOSPC" });
  expect(readFileSync(out, "utf8")).toBe("%PDF-1.7 the good one");
  expect(temps(dir)).toEqual([]);
});

test("a target that cannot be replaced (a folder) fails with a Chinese reason; nothing left behind", async () => {
  const dir = freshDir("folder");
  mkdirSync(path.join(dir, "t.xlsx", "inside"), { recursive: true });
  const c = io();
  expect(await templateRun(["--out", "folder/t.xlsx", "--force"], c)).toBe(2);
  expect(c.errText.join("\n")).toMatch(/无法写入文件 .*t\.xlsx：“.*t\.xlsx”(这是一个文件夹|无法访问)/);
  expect(existsSync(path.join(dir, "t.xlsx", "inside"))).toBe(true);
  expect(temps(dir)).toEqual([]);
});

test("template --force replaces a template only with a complete one", async () => {
  const dir = freshDir("template");
  writeFileSync(path.join(dir, "t.xlsx"), "old");
  expect(await templateRun(["--out", "template/t.xlsx", "--force"], io())).toBe(0);
  expect(readFileSync(path.join(dir, "t.xlsx")).subarray(0, 2).toString()).toBe("PK");
  expect(temps(dir)).toEqual([]);
});

test("a process killed (SIGKILL) in the middle of a write leaves the old file intact", async () => {
  const dir = freshDir("killed");
  const out = path.join(dir, "report.docx");
  writeFileSync(out, "the good one");
  // A real process writing through the same module, paused half-way until it is killed.
  const script = `
    const { writeOutput } = require(${JSON.stringify(path.join(PROJECT_ROOT, "src", "cli", "writeOutput.ts"))});
    writeOutput(${JSON.stringify(out)}, async (h) => {
      await h.write(Buffer.alloc(1 << 20, 0x41));
      await h.sync();
      process.stdout.write("half\\n");
      await new Promise((r) => setTimeout(r, 60000));
    });`;
  const child = spawn(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("half") && resolve());
    child.once("exit", (code) => reject(new Error(`writer exited early: ${code}`)));
  });
  const exited = new Promise((r) => child.once("exit", (_code, signal) => r(signal)));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  expect(readFileSync(out, "utf8")).toBe("the good one");
  // The half-written bytes were in a temporary file of ours, never in the target.
  const left = temps(dir);
  expect(left).toHaveLength(1);
  expect(statSync(path.join(dir, left[0]!)).size).toBe(1 << 20);
});

test("a folder the user may not write to: the old file stays, a Chinese reason, nothing left behind", () => {
  // As root every folder is writable: the real CLI then runs as nobody from a sandbox (helpers/otherUser).
  const runner = cliRunner("harden-write", ROOT);
  const dir = path.join(runner.dir, "locked");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const input = path.join(runner.dir, "seed.txt");
  copyFileSync(SEED, input);
  chmodSync(input, 0o644);
  const out = path.join(dir, "r.html");
  writeFileSync(out, "the good one");
  chmodSync(dir, 0o555);
  chmodSync(out, 0o666);
  try {
    const r = runner.run(["export", input, "--html", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/无法写入 .*r\.html：“.*locked”没有权限/);
    expect(readFileSync(out, "utf8")).toBe("the good one");
    expect(temps(dir)).toEqual([]);
  } finally {
    chmodSync(dir, 0o755);
    if (runner.dir !== ROOT) rmSync(runner.dir, { recursive: true, force: true });
  }
});

/**
 * The CLI under abuse (issue 13): outputs that are inputs, output folders that cannot exist,
 * unreadable and symlinked folders in a batch, file names that try to forge output lines.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { run as exportRun } from "../../src/cli/commands/export";
import { captureIO } from "../helpers/cliIO";
import { cliRunner } from "../helpers/otherUser";
import { FIXTURES, outputDir } from "../helpers/paths";

const SEED = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");
const ROOT = outputDir("harden-cli");

const io = (cwd = ROOT) => captureIO(cwd);

/** The real CLI; as root it runs as nobody from a sandbox, so a folder without permissions is unreadable. */
const runner = cliRunner("harden-cli", ROOT);
afterAll(() => {
  if (runner.dir !== ROOT) rmSync(runner.dir, { recursive: true, force: true });
});
function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = runner.run(args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

jest.setTimeout(60_000);

describe("export never writes over its input", () => {
  const dir = path.join(ROOT, "self");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, "x.txt");
  copyFileSync(SEED, input);
  const before = readFileSync(input);

  test.each([
    ["the same name", ["self/x.txt", "--html", "self/x.txt"]],
    ["another spelling", ["self/x.txt", "--html", "self/../self/./x.txt"]],
    ["a symlink to the input", ["self/x.txt", "--html", "self/link.html"]],
    ["a symlinked folder", ["self/x.txt", "--docx", "selflink/x.txt"]],
  ])("%s is refused, exit 2, input unchanged", async (_what, args) => {
    if (!existsSync(path.join(dir, "link.html"))) symlinkSync(input, path.join(dir, "link.html"));
    if (!existsSync(path.join(ROOT, "selflink"))) symlinkSync(dir, path.join(ROOT, "selflink"));
    const c = io();
    expect(await exportRun(args, c)).toBe(2);
    expect(c.errText.join("\n")).toContain("就是输入文件");
    expect(readFileSync(input)).toEqual(before);
  });

  test("two outputs into one file are refused", async () => {
    const c = io();
    expect(await exportRun(["self/x.txt", "--html", "self/out.html", "--docx", "self/out.html"], c)).toBe(2);
    expect(c.errText.join("\n")).toContain("是同一个文件");
  });
});

test("an output folder that cannot be created fails at once with a Chinese reason", async () => {
  const c = io();
  const start = Date.now();
  expect(await exportRun([SEED, "--pdf", "/proc/nope/x.pdf"], c)).toBe(2);
  expect(Date.now() - start).toBeLessThan(20_000);
  expect(c.errText.join("\n")).toMatch(/无法写入 \/proc\/nope\/x\.pdf：“\/proc\/nope”/);
  expect(c.errText.join("\n")).not.toMatch(/ENOENT|EACCES/);
  // Missing folders in a writable place are still created.
  const ok = io();
  expect(await exportRun([SEED, "--html", "made/a/b/x.html"], ok)).toBe(0);
  expect(existsSync(path.join(ROOT, "made/a/b/x.html"))).toBe(true);
});

describe("a batch over a folder", () => {
  const dir = path.join(runner.dir, "batch");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "locked"), { recursive: true });
  mkdirSync(path.join(dir, "real"), { recursive: true });
  copyFileSync(SEED, path.join(dir, "a.txt"));
  copyFileSync(SEED, path.join(dir, "real", "b.txt"));
  copyFileSync(SEED, path.join(dir, "locked", "c.txt"));
  symlinkSync(path.join(dir, "real"), path.join(dir, "linked"));
  symlinkSync(dir, path.join(dir, "real", "loop"));
  // A name that tries to forge a "✓" line of its own.
  writeFileSync(path.join(dir, "evil\n✓ forged.txt  某机关 2023 年度  错误 0 · 警告 0\n.txt"), "not a report");
  chmodSync(path.join(dir, "locked"), 0o000);
  for (const p of [dir, path.join(dir, "real")]) chmodSync(p, 0o755);
  afterAll(() => chmodSync(path.join(dir, "locked"), 0o755));

  test("an unreadable folder is reported as unreadable and the rest is checked", () => {
    const r = cli(["check", dir]);
    expect(r.stderr).not.toContain("内部错误");
    expect(r.stdout).toMatch(/^\? locked {2}无法读取文件夹“locked”/m);
    expect(r.stdout).toMatch(/^✓ a\.txt/m);
    expect(r.stdout).toMatch(/^✓ real\/b\.txt/m);
    expect(r.code).toBe(2);
  });

  test("symlinked folders are skipped with a word, never followed (no loops, nothing twice)", () => {
    const r = cli(["check", dir]);
    expect(r.stdout).toMatch(/^- linked {2}跳过符号链接文件夹/m);
    expect(r.stdout).toMatch(/^- real\/loop {2}跳过符号链接文件夹/m);
    expect(r.stdout).not.toContain("linked/b.txt");
    const j = JSON.parse(cli(["check", dir, "--json"]).stdout);
    expect(j.files.filter((f: { status: string }) => f.status === "skipped").map((f: { file: string }) => f.file)).toEqual(["linked", "real/loop"]);
  });

  test("a newline in a file name cannot forge a line", () => {
    const r = cli(["check", dir]);
    const lines = r.stdout.split("\n");
    expect(lines.filter((l) => l.startsWith("✓"))).toHaveLength(2);
    expect(r.stdout).toContain("evil\\n✓ forged.txt");
  });
});

test("a section of 150 000 pasted paragraphs exports (no argument-count overflow)", async () => {
  const lines = readFileSync(SEED, "utf8").split("\n");
  const at = lines.findIndex((l) => l.includes("一、总体情况"));
  const text = [...lines.slice(0, at + 1), ...Array.from({ length: 150_000 }, (_, i) => `段落${i}。`), ...lines.slice(at + 1)].join("\n");
  writeFileSync(path.join(ROOT, "paras.txt"), text);
  const c = io();
  expect(await exportRun(["paras.txt", "--html", "paras.html"], c)).toBe(0);
  expect(readFileSync(path.join(ROOT, "paras.html"), "utf8")).toContain("段落149999。");
});

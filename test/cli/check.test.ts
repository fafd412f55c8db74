/**
 * The CLI as a clerk or a collecting office uses it: the real `bin/xxgk-report.js` in a child
 * process, on the shared fixtures and on folders of reports written by the test.
 */
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { FIXTURES, PROJECT_ROOT, outputDir } from "../helpers/paths";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
const SEED = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");
const REAL = path.join(FIXTURES, "real");

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe("xxgk-report check", () => {
  test("the seed fixture: published values, no errors, exit 0", async () => {
    const r = await cli("check", SEED, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.format).toBe("2021");
    expect(j.year).toBe(2023);
    expect(j.agency).toBe("三门峡市湖滨区前进街道办事处");
    const nonZero = Object.entries(j.cells).filter(([, v]) => v !== 0);
    expect(nonZero).toEqual([
      ["T4.C06", 1],
      ["T4.C10", 1],
    ]);
    expect(j.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  test("readable Chinese list without --json", async () => {
    const r = await cli("check", SEED);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("三门峡市湖滨区前进街道办事处");
    expect(r.stdout).toMatch(/全部通过|错误 0 个/);
  });

  test("an inconsistent report exits 1 and names the cells", async () => {
    const dir = outputDir("cli");
    const broken = readFileSync(SEED, "utf8").replace(
      "一、本年新收政府信息公开申请数量\t\t0\t0",
      "一、本年新收政府信息公开申请数量\t\t3\t0",
    );
    const file = path.join(dir, "broken.txt");
    writeFileSync(file, broken);
    const r = await cli("check", file, "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    const rules = j.findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain("T3.BALANCE");
    expect(rules).toContain("T3.ROW_SUM");
    const bal = j.findings.find((f: { rule: string }) => f.rule === "T3.BALANCE");
    expect(bal.cells).toContain("T3.R01.C1");
    expect(bal.message).toContain("相差 3");
    const text = await cli("check", file);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("[T3.BALANCE]");
  });

  test("unreadable and unrecognised input exits 2 with a clear message", async () => {
    const dir = outputDir("cli");
    const missing = await cli("check", path.join(dir, "does-not-exist.txt"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("无法读取");
    const junk = path.join(dir, "junk.txt");
    writeFileSync(junk, "这不是一份年度报告。\n只是一些文字。");
    const r = await cli("check", junk);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("无法识别");
    const noArgs = await cli("check");
    expect(noArgs.code).toBe(2);
    const badOpt = await cli("check", SEED, "--bogus");
    expect(badOpt.code).toBe(2);
    expect(badOpt.stderr).toContain("未知选项");
  });

  test("a folder: one line per file and a summary; --json gives the same", async () => {
    const dir = path.join(outputDir("cli"), "batch");
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED, path.join(dir, "a.txt"));
    copyFileSync(path.join(REAL, "2022-pingtan-zonghe-shiyanqu.html"), path.join(dir, "b.html"));
    writeFileSync(path.join(dir, "c.txt"), "乱码 garbage");
    const r = await cli("check", dir);
    expect(r.code).toBe(2); // one unreadable file
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain("共 3 个文件");
    const j = JSON.parse((await cli("check", dir, "--json")).stdout);
    expect(j.summary).toEqual({ files: 3, ok: 2, errors: 0, unreadable: 1 });
  });

  test("--prior: last year's real report; carried values must match", async () => {
    const prior = path.join(REAL, "2022-pingtan-zonghe-shiyanqu.html");
    const dir = outputDir("cli");
    // A successor whose 上年结转 equals the 2022 report's 结转下年度 (all zero there): the seed works.
    const ok = await cli("check", SEED, "--prior", prior, "--json");
    expect(JSON.parse(ok.stdout).findings.filter((f: { rule: string }) => f.rule === "PRIOR.CARRYOVER")).toEqual([]);
    const changed = readFileSync(SEED, "utf8").replace(
      "二、上年结转政府信息公开申请数量\t\t0\t0\t0\t0\t0\t0\t0",
      "二、上年结转政府信息公开申请数量\t\t0\t0\t2\t0\t0\t0\t2",
    );
    const file = path.join(dir, "carried.txt");
    writeFileSync(file, changed);
    const r = await cli("check", file, "--prior", prior, "--json");
    expect(r.code).toBe(1);
    const f = JSON.parse(r.stdout).findings.filter((x: { rule: string }) => x.rule === "PRIOR.CARRYOVER");
    expect(f.map((x: { cells: string[] }) => x.cells)).toEqual([["T3.R02.C3"], ["T3.R02.C7"]]);
    expect(f[0].message).toContain("科研机构");
  });
});

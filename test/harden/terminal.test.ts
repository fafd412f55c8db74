/**
 * Cell text cannot drive the terminal (issue 25, point 7): escape sequences, carriage returns,
 * bidi overrides and newlines read from a .txt, .xlsx or .csv reach the real CLI's output only
 * escaped — in `check` (plain, folder, --details), in `ledger` and in error messages. --json stays JSON.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { forTerminal, printable } from "../../src/cli/terminal";
import { sheetPlaces } from "../../src/template/places";
import { buildTemplate } from "../../src/template/xlsx";
import { FIXTURES, PROJECT_ROOT, outputDir } from "../helpers/paths";

jest.setTimeout(120_000);

const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
const DIR = path.join(outputDir("harden-terminal"), "inputs");
/** Clears the screen, homes the cursor, then a forged verdict on a line of its own. */
const EVIL = "9\u001b[2J\u001b[H\r\u202e\n全部通过。";

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

/** Nothing that drives a terminal, and no line that is only the forged verdict. */
function expectInert(text: string): void {
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  expect(text.split("\n").filter((l) => l.includes("全部通过"))).not.toContainEqual(expect.stringMatching(/^全部通过/));
}

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  mkdirSync(DIR, { recursive: true });
  // .txt: a table cell of the published report holds the escape sequence (a tab-separated row).
  const txt = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  writeFileSync(path.join(DIR, "a.txt"), txt.replace("规章\t0\t0\t0", `规章\t${EVIL.replace("\n", " ")}\t0\t0`));
  // .xlsx: our template with the text in 表三's first cell and in the agency name.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await buildTemplate({ year: 2023, agency: null, contact: null })) as unknown as ExcelJS.Buffer);
  const [sheet, addr] = sheetPlaces(["T3.R01.C1"])!.split("!") as [string, string];
  // XML cannot carry ESC or CR as such: Excel writes them as _x001B_, which readers turn back into ESC.
  // eslint-disable-next-line no-control-regex
  const ooxml = EVIL.replace(/[\u0000-\u0009\u000b-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  wb.getWorksheet(sheet)!.getCell(addr).value = ooxml;
  writeFileSync(path.join(DIR, "b.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
});

test("the functions: every control character escaped; only the CLI's own line breaks kept", () => {
  expect(printable(EVIL)).toBe("9\\u001b[2J\\u001b[H\\r\\u202e\\n全部通过。");
  expect(forTerminal(`行一\n${printable(EVIL)}`)).toBe("行一\n9\\u001b[2J\\u001b[H\\r\\u202e\\n全部通过。");
  expect(forTerminal("\u009b2J\u0007")).toBe("\\u009b2J\\u0007");
});

test.each(["a.txt", "b.xlsx"])("check %s: the cell is quoted escaped; --json is still JSON with the text intact", async (file) => {
  const r = await cli("check", path.join(DIR, file));
  expect(r.stdout).toContain("\\u001b[2J");
  expectInert(r.stdout + r.stderr);
  const j = await cli("check", path.join(DIR, file), "--json");
  expect(JSON.stringify(JSON.parse(j.stdout).findings)).toContain("\\u001b[2J");
});

test("check on the folder, plain and --details: escaped too", async () => {
  for (const args of [[DIR], [DIR, "--details"]]) {
    const r = await cli("check", ...args);
    expectInert(r.stdout + r.stderr);
    expect(r.stdout).toMatch(/^共 2 个文件/m);
  }
  expect((await cli("check", DIR, "--details")).stdout).toContain("\\u001b[2J");
});

test("ledger: a register cell with an escape sequence and a newline is quoted on one line", async () => {
  const csv = ["序号,受理时间,申请人类别,申请人姓名,所需信息,答复时间,答复类型,是否延期", `1,"2025-03-01${EVIL}",自然人,张三,x,2025-03-10,予以公开,否`].join("\r\n");
  writeFileSync(path.join(outputDir("harden-terminal"), "r.csv"), csv);
  const r = await cli("ledger", path.join(outputDir("harden-terminal"), "r.csv"), "--year", "2025");
  expect(r.stdout).toContain("\\u001b[2J\\u001b[H\\r\\u202e\\n全部通过。");
  expectInert(r.stdout + r.stderr);
});

test("an error message quoting a name from the disk is escaped", async () => {
  // Not a report: the message quotes the file's name, which carries the escape sequence.
  const dir = path.join(outputDir("harden-terminal"), "named");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(path.join(dir, "x\u001b[2J\u001b[H.txt"), "表三\t\u001b]0;title\u0007\n");
  const one = await cli("check", path.join(dir, "x\u001b[2J\u001b[H.txt"));
  expect(one.code).toBe(2);
  expect(one.stderr).toContain("x\\u001b[2J\\u001b[H.txt");
  expectInert(one.stdout + one.stderr);
  expectInert((await cli("check", dir)).stdout);
});

/**
 * Register files built to exhaust the readers (issue 25): a few KB of .xlsx with a cell at row
 * 1 048 576, CSV with a 32 MB field, a million rows, 10⁵ findings or 10⁵ equal 编号. Each runs
 * through `xxgk-report ledger` under a 1 GB heap (a plain Chinese message or a correct result in
 * < 30 s, never exit 134) and through the pane's reader (src/pane/transferModule), which
 * reads with the same module.
 */
import { readRegister } from "../../src/pane/transferModule";
import { registerSources } from "../../src/workflow/registerImport";
import { MAX_FIELD_CHARS, MAX_REGISTER_ROWS, MAX_ROW_FINDINGS } from "../../src/ledger/limits";
import { outputDir } from "../helpers/paths";
import { badDateRow, farCellXlsx, longFieldCsv, registerCsv, sameIdRow } from "./hostile";
import { expectRefused, runUnderHeap } from "./underHeap";

const DIR = outputDir("hostile-registers");
const ledger = (file: string, bytes: Uint8Array | string) => runUnderHeap(DIR, "ledger", file, bytes, ["--year", "2025"]);

jest.setTimeout(180_000);

describe(".xlsx with one cell at row 1 048 576 per sheet", () => {
  test.each([4, 50])("%d sheets without a header: not a register, said at once", async (sheets) => {
    const file = farCellXlsx(sheets);
    expect(file.length).toBeLessThan(40_000);
    expectRefused(await ledger("far.xlsx", file), /没有找到表头/);
    const pane = await readRegister({ name: "far.xlsx", data: file });
    expect(pane.ok).toBe(true);
    if (pane.ok) {
      expect(pane.sheets).toHaveLength(sheets);
      expect(pane.sheets.every((s) => s.rows.length === 0)).toBe(true);
      expect(registerSources("far.xlsx", pane.sheets)).toEqual({ error: expect.stringContaining("没有") });
    }
  });

  test("under a register header: refused, naming the sheet, the row and the bound", async () => {
    const file = farCellXlsx(4, true);
    expectRefused(await ledger("farHeader.xlsx", file), new RegExp(`工作表“表1”第 1048576 行有内容，超过台账读取上限（${MAX_REGISTER_ROWS + 1} 行）`));
    const pane = await readRegister({ name: "farHeader.xlsx", data: file });
    expect(pane).toEqual({ ok: false, message: expect.stringContaining("第 1048576 行有内容") });
  });
});

describe("CSV registers", () => {
  test("a 16 M-character quoted field is refused as a limit, naming its row", async () => {
    const csv = longFieldCsv(16 << 20);
    expectRefused(await ledger("field.csv", csv), new RegExp(`第 2 行有一个内容超过 ${MAX_FIELD_CHARS} 个字符`));
    const pane = await readRegister({ name: "field.csv", data: new TextEncoder().encode(csv) });
    expect(pane).toEqual({ ok: false, message: expect.stringContaining(`超过 ${MAX_FIELD_CHARS} 个字符`) });
  });

  test.each([
    [1_000_000, "44 MB"],
    [1_800_000, "61 MB"],
  ])("%d rows (%s) are refused as over the row bound", async (rows) => {
    const csv = registerCsv(rows, rows > 1_000_000 ? () => ",2025-03-10,法人,2025-3-2,公开" : badDateRow);
    expectRefused(await ledger("rows.csv", csv), new RegExp(`文件超过 ${MAX_REGISTER_ROWS} 行（台账读取上限）`));
  });

  test("100 000 rows each with an unreadable date: the findings are counted, then summarised (no RangeError, no 已损坏)", async () => {
    const r = await ledger("findings.csv", registerCsv(MAX_REGISTER_ROWS, badDateRow));
    expect(r.ms).toBeLessThan(30_000);
    expect(r.code).toBe(1); // errors found: the rows were read
    // Two per row (收到日期, 答复日期): 200 000, past where push(...findings) threw RangeError.
    expect(r.stdout).toContain(`共有 ${2 * MAX_REGISTER_ROWS} 处问题，只列出前 ${MAX_ROW_FINDINGS} 处`);
    expect(r.stdout.split("\n").length).toBeLessThan(MAX_ROW_FINDINGS + 100);
    expect(r.stdout + r.stderr).not.toMatch(/已损坏|RangeError/);
  });

  test("100 000 rows with one 编号: one duplicate finding, found in linear time", async () => {
    const r = await ledger("same.csv", registerCsv(100_000, sameIdRow));
    expect(r.ms).toBeLessThan(30_000);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/编号“2025-001”重复出现在第 2、3、4、5、6、7、8、9、10、11 行等 100000 行/);
    expect(r.stdout).toContain("自然人");
  });
});

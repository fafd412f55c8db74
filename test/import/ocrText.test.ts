/**
 * Text recognised from page images of the real PDFs in test/fixtures/pdf-real (`pdftoppm -r 300`,
 * then `tesseract page.png out -l chi_sim [--psm 6]`, tesseract 5.3; the pages' texts joined, form
 * feeds kept): what a clerk gets from a scanned report. Its tables come out noisy — rules read as "|" or
 * as the digits 1 and 0 ("501010101010150"), marks where digits stood ("$", "SS0"), numbers lost,
 * headings with a speck before them. The checker must never accuse the report for that: no error
 * the published figures do not truly have, every cell it does read is read as the text says, and
 * what it cannot read is said (未能读出, which table, which row) and never judged.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { RawCell } from "../../src/report";
import { readText } from "../../src/import";
import { garbled } from "../../src/import/cells";
import { checkRules, mergeFindings } from "../../src/workflow/check";
import { FIXTURES } from "../helpers/paths";

const DIR = path.join(FIXTURES, "pdf-real");

interface Expected {
  cells: Record<string, RawCell>;
  table_rule_failures: Record<string, string[]>;
}

/**
 * Cells the recognised text itself shows with other digits than the PDF (tesseract's misreads, not
 * the reader's): a wrong digit that still makes a number cannot be told from a right one, so the
 * reader takes the text's figure. 表二 cells only — no sum runs over them.
 */
const MISREAD_BY_OCR: Record<string, Record<string, number>> = {
  "2024-huaian-shi.ocr": { "T2.R2.C2": 20, "T2.R2.C3": 600, "T2.R6.C1": 90171 }, // 26, 66, 96171.6
  "2024-huaian-shi.ocr-psm6": { "T2.R4.C1": 3983748, "T2.R6.C1": 90171.6 }, // 3985758, 96171.6
  "2024-huaian-hongze-qu.ocr": { "T2.R6.C1": 7343 }, // 7545
};

/**
 * Each text: `.ocr` by tesseract's default page segmentation, `.ocr-psm6` by `--psm 6` (the page as
 * one block: rows kept on lines, but 表二 and 表四 mostly lost). How many of the 200 cells each yields,
 * to see a change either way.
 */
const READ: Record<string, number> = {
  "2024-huaian-shi.ocr": 171,
  "2023-huaian-hongze-qu.ocr": 20,
  "2024-huaian-hongze-qu.ocr": 66,
  "2024-huaian-shi.ocr-psm6": 3,
  "2023-huaian-hongze-qu.ocr-psm6": 0,
  "2024-huaian-hongze-qu.ocr-psm6": 0,
};

describe.each(Object.keys(READ))("%s: text recognised from the page images", (file) => {
  const name = file.replace(/\.ocr(?:-psm6)?$/, "");
  const want = JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;
  const res = readText(readFileSync(path.join(DIR, `${file}.txt`), "utf8"));
  const findings = mergeFindings(res.findings, checkRules(res.report));
  const unread = new Set(res.report.unread ?? []);

  test(`reads ${READ[file]} of 200 cells, each as the text shows it; the rest said not read`, () => {
    const read = Object.keys(want.cells).filter((k) => !unread.has(k));
    for (const key of read) {
      const misread = MISREAD_BY_OCR[file]?.[key];
      expect([key, res.report.cells[key]]).toEqual([key, misread ?? want.cells[key]]);
    }
    expect(read.length).toBe(READ[file]);
    // Every cell not read is named by a finding of the reader (the row or table it belongs to).
    const said = new Set(res.findings.filter((f) => f.rule === "IMPORT.MISSING" || f.rule === "IMPORT.UNPLACED").flatMap((f) => f.cells));
    const tablesSaid = res.findings.filter((f) => f.rule === "IMPORT.MISSING" && /表格未能读出/.test(f.message)).flatMap((f) => f.cells);
    const unsaid = [...unread].filter((k) => !said.has(k) && !tablesSaid.includes(`S${k[1]}`));
    expect(unsaid).toEqual([]);
    for (const k of unread) expect([k, res.report.cells[k]]).toEqual([k, null]);
  });

  test("no false error: garbled cells are 未能读出, never CELL.TYPE; only the report's true failures remain", () => {
    expect(findings.filter((f) => f.rule === "CELL.TYPE")).toEqual([]);
    const truth = Object.entries(want.table_rule_failures).flatMap(([rule, where]) => where.map((w) => [rule, w] as const));
    for (const f of findings.filter((x) => x.severity === "error")) {
      expect([f.rule, f.message, truth.some(([rule, w]) => rule === f.rule && f.message.includes(`“${w}”`))]).toEqual([f.rule, f.message, true]);
    }
    // A garbled row is said as not read, in Chinese, naming its table and row.
    for (const f of findings.filter((x) => /不是可读的数字/.test(x.message))) expect(f.message).toMatch(/^表[二三四] 第 \d+ 行“.+”的数字未能读出/);
  });

  test("表四 is found by its heading even when its header and numbers are noise", () => {
    expect(findings.some((f) => f.cells.includes("S4") && f.severity === "error")).toBe(false);
    expect(res.report.sections.S4).toBeDefined();
  });
});

test("what recognition garbles is told from what a clerk writes", () => {
  for (const t of ["0|10101010", "501010101010150", "1101010131", "“", "工", "$", "5$", "SS0", "(D"]) expect([t, garbled(t)]).toEqual([t, true]);
  for (const t of ["0", "12854581", "27225290916元", "-183", "+5174", "96171.6", "无", "—", "/", "十二", "", "1,200"]) {
    expect([t, garbled(t)]).toEqual([t, false]);
  }
});

test("a table lost under its heading: missing (error) in a typed text, not read (warning) in recognised text", () => {
  const text = readFileSync(path.join(DIR, "2024-huaian-hongze-qu.ocr-psm6.txt"), "utf8");
  const s2 = (t: string) => readText(t).findings.find((f) => f.rule === "IMPORT.MISSING" && f.cells.includes("S2"))!;
  expect(s2(text)).toMatchObject({ severity: "warning", message: expect.stringContaining("表格未能读出") });
  // The same text without a trace of table rules read as characters: a report without its 表二.
  const typed = text.replace(/[|｜]/g, " ").replace(/\d*(?:10){3,}\d*/g, "0");
  expect(s2(typed)).toMatchObject({ severity: "error", message: expect.stringContaining("没有找到表二") });
});

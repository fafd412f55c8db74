/**
 * Text recognised from page images of the real PDFs in test/fixtures/pdf-real (`pdftoppm -r 300`,
 * then `tesseract page.png out -l chi_sim`, tesseract 5.3; the pages' texts joined, form feeds
 * kept): what a clerk gets from a scanned report. Its tables come out noisy — rules read as "|" or
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
  "2024-huaian-shi": { "T2.R2.C2": 20, "T2.R2.C3": 600, "T2.R6.C1": 90171 }, // 26, 66, 96171.6
  "2023-huaian-hongze-qu": {},
  "2024-huaian-hongze-qu": { "T2.R6.C1": 7343 }, // 7545
};

/** How many of the 200 cells each recognised text yields (read right), to see a change either way. */
const READ: Record<string, number> = { "2024-huaian-shi": 171, "2023-huaian-hongze-qu": 20, "2024-huaian-hongze-qu": 66 };

describe.each(Object.keys(READ))("%s: text recognised from the page images", (name) => {
  const want = JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;
  const res = readText(readFileSync(path.join(DIR, `${name}.ocr.txt`), "utf8"));
  const findings = mergeFindings(res.findings, checkRules(res.report));
  const unread = new Set(res.report.unread ?? []);

  test(`reads ${READ[name]} of 200 cells, each as the text shows it; the rest said not read`, () => {
    const read = Object.keys(want.cells).filter((k) => !unread.has(k));
    for (const key of read) {
      const misread = MISREAD_BY_OCR[name]![key];
      expect([key, res.report.cells[key]]).toEqual([key, misread ?? want.cells[key]]);
    }
    expect(read.length).toBe(READ[name]);
    // Every cell not read is named by a finding of the reader (the row or table it belongs to).
    const said = new Set(res.findings.filter((f) => f.rule === "IMPORT.MISSING" || f.rule === "IMPORT.UNPLACED").flatMap((f) => f.cells));
    expect([...unread].filter((k) => !said.has(k))).toEqual([]);
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

  test("表四 is found by its heading and labels even when its header and numbers are noise", () => {
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

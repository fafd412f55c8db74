/**
 * Published 年报 PDFs as units put them online (WPS, printed to PDF), kept byte for byte in
 * test/fixtures/pdf-real with the text taken out of each: `pdftotext -layout` (columns kept by
 * spaces) and `pdftotext -raw` (one table row a line, single spaces, labels wrapped onto lines of
 * their own and numbers below them — what a PDF viewer's copy gives). Their cells were typed in by
 * hand from the PDFs (`*.expected.json`, origins in SOURCES.md). Every form of every report must
 * read to exactly those cells, with the verdict the published figures deserve: no arithmetic error
 * on a report that adds up, and a report that truly breaks a rule named for exactly that.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { checkReport, type Finding, type RawCell } from "../../src/report";
import { readText } from "../../src/import";
import { FIXTURES, PROJECT_ROOT } from "../helpers/paths";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
const DIR = path.join(FIXTURES, "pdf-real");

interface Expected {
  agency: string;
  year: number;
  format: string;
  cells: Record<string, RawCell>;
  /** Rules the published figures truly break, with the group or column each finding names. */
  table_rule_failures: Record<string, string[]>;
}

const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

const expected = (name: string) => JSON.parse(readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;

function expectCells(cells: Record<string, RawCell>, want: Expected): void {
  for (const [key, value] of Object.entries(want.cells)) expect([key, cells[key] ?? null]).toEqual([key, value]);
}

/** Errors are exactly the rule failures the published figures contain, each naming its group. */
function expectVerdict(findings: readonly Finding[], want: Expected): void {
  const errors = findings.filter((f) => f.severity === "error");
  const named = Object.entries(want.table_rule_failures).flatMap(([rule, where]) => where.map((w) => [rule, w] as const));
  expect(errors.map((f) => f.rule).sort()).toEqual(named.map(([rule]) => rule).sort());
  for (const [rule, where] of named) expect(errors.some((f) => f.rule === rule && f.message.includes(`“${where}”`))).toBe(true);
}

test("the corpus is there: each report as PDF, -layout text and -raw text", () => {
  expect(NAMES.length).toBeGreaterThanOrEqual(3);
  for (const name of NAMES) for (const ext of [".pdf", ".layout.txt", ".raw.txt"]) expect(readdirSync(DIR)).toContain(`${name}${ext}`);
});

describe.each(NAMES)("%s", (name) => {
  const want = expected(name);

  test("the PDF (CLI): every cell as published, nothing unread, the right verdict", async () => {
    let out: { code: number; stdout: string; stderr: string };
    try {
      const r = await run(process.execPath, [BIN, "check", path.join(DIR, `${name}.pdf`), "--json"], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 });
      out = { code: 0, ...r };
    } catch (e) {
      out = e as { code: number; stdout: string; stderr: string };
    }
    expect(out.stderr).toBe("");
    const j = JSON.parse(out.stdout) as { format: string; year: number; agency: string; cells: Record<string, RawCell>; unread: string[]; findings: Finding[] };
    expect([j.format, j.year, j.agency]).toEqual([want.format, want.year, want.agency]);
    expectCells(j.cells, want);
    expect(j.unread).toEqual([]);
    expectVerdict(j.findings, want);
    expect(j.findings.filter((f) => f.rule === "IMPORT.UNPLACED")).toEqual([]);
    // Rows the report does not print are said once (by the reader), not again cell by cell.
    const missing = new Set(j.findings.filter((f) => f.rule === "IMPORT.MISSING").flatMap((f) => f.cells));
    expect(j.findings.filter((f) => f.rule === "CELL.BLANK" && f.cells.every((k) => missing.has(k)))).toEqual([]);
    expect(out.code).toBe(Object.keys(want.table_rule_failures).length ? 1 : 0);
  });

  test.each(["layout", "raw"])("pdftotext -%s text: every cell, nothing unread, the right verdict", (form) => {
    const res = readText(readFileSync(path.join(DIR, `${name}.${form}.txt`), "utf8"));
    expect([res.report.format, res.report.meta.year, res.report.meta.agency]).toEqual([want.format, want.year, want.agency]);
    expectCells(res.report.cells, want);
    expect(res.report.unread).toBeUndefined();
    expectVerdict([...res.findings, ...checkReport(res.report)], want);
    // A table the reader did not know, or a label it could not place, would be a misreading here.
    expect(res.findings.filter((f) => f.rule === "IMPORT.UNPLACED")).toEqual([]);
  });
});

test("-raw text that lost a blank cell: the row is never spread over columns by guess", () => {
  // A 0 of every 表三 row of a real report taken out in turn, as a blank cell leaves no trace in
  // text with one space between cells: what is read is the published figure, the row is unread.
  const name = "2024-huaian-shi";
  const want = expected(name);
  const lines = readFileSync(path.join(DIR, `${name}.raw.txt`), "utf8").split("\n");
  let tried = 0;
  lines.forEach((line, i) => {
    const m = /^(.*\S) ((?:\d+ ){6}\d+)$/.exec(line);
    if (!m) return;
    const numbers = m[2]!.split(" ");
    // One blank a row (the first 0) keeps the test quick; every row is tried.
    numbers.slice(0, numbers.indexOf("0") + 1).forEach((n, j) => {
      if (n !== "0") return;
      tried++;
      const edited = [...lines];
      edited[i] = `${m[1]} ${numbers.filter((_, k) => k !== j).join(" ")}`;
      const res = readText(edited.join("\n"));
      const unread = res.report.unread ?? [];
      expect(unread.length).toBeGreaterThan(0);
      for (const [key, value] of Object.entries(want.cells)) if (!unread.includes(key)) expect([i, key, res.report.cells[key]]).toEqual([i, key, value]);
      expect(checkReport(res.report).filter((f) => f.severity === "error")).toEqual([]);
    });
  });
  expect(tried).toBeGreaterThan(15);
});

test("（六）其他处理 as one row, wrapped in its cell, with the fixed order unusable: still that row", () => {
  // 洪泽区 2024's -raw text with the label broken as a narrow merged cell breaks it, and a row
  // missing so the rows cannot be taken in the format's order: the row is known by its label.
  const text = readFileSync(path.join(DIR, "2024-huaian-hongze-qu.raw.txt"), "utf8")
    .replace("（六）其他处理 0 0 0 0 0 0 0", "（六）其\n他处理 0 0 0 0 0 0 0")
    .replace("3.要求提供公开出版物 0 0 0 0 0 0 0\n", "");
  const res = readText(text);
  for (const c of ["C1", "C7"]) expect(res.report.cells[`T3.R23.${c}`]).toBe(0);
  expect(res.report.unread!.some((k) => k.startsWith("T3.R23"))).toBe(false);
  expect(res.report.unread!.some((k) => k.startsWith("T3.R18"))).toBe(true);
  expect(res.findings.some((f) => f.rule === "IMPORT.MISSING" && /只有一行“（六）其他处理”/.test(f.message))).toBe(true);
  expect(checkReport(res.report).filter((f) => f.severity === "error")).toEqual([]);
});

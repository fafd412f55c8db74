/**
 * A real report in the 2019 format: 《2020年上海市政府信息公开工作年度报告》 as a public kiosk
 * project kept it (origin in test/fixtures/SOURCES.md), its tables as published. Every cell must
 * read to the figures typed in by hand, the format must be known by its labels, and the verdict
 * must be exactly the rules the published figures break — nothing invented on top.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkReport, type RawCell } from "../../src/report";
import { importReport } from "../../src/import";
import { FIXTURES } from "../helpers/paths";

interface Expected {
  agency: string;
  year: number;
  format: "2019";
  cells: Record<string, RawCell>;
  table_rule_failures: Record<string, string[]>;
}

const base = path.join(FIXTURES, "real", "2020-shanghai-shi");
const want = JSON.parse(readFileSync(`${base}.expected.json`, "utf8")) as Expected;

test("2020 上海市 (2019 format): every cell as published, the true errors and nothing else", async () => {
  const res = await importReport({ name: "2020-shanghai-shi.html", data: new Uint8Array(readFileSync(`${base}.html`)) });
  expect([res.input, res.recognised, res.format]).toEqual(["html", true, "2019"]);
  expect([res.report.meta.agency, res.report.meta.year]).toEqual([want.agency, want.year]);
  for (const [key, value] of Object.entries(want.cells)) expect([key, res.report.cells[key] ?? null]).toEqual([key, value]);
  expect(res.report.unread).toBeUndefined();

  const findings = [...res.findings, ...checkReport(res.report)];
  const errors = findings.filter((f) => f.severity === "error");
  const named = Object.entries(want.table_rule_failures).flatMap(([rule, where]) => where.map((w) => [rule, w] as const));
  expect(errors.map((f) => f.rule).sort()).toEqual(named.map(([rule]) => rule).sort());
  for (const [rule, where] of named) expect(errors.some((f) => f.rule === rule && f.message.includes(where))).toBe(true);
  // The prose quotes 予以公开及部分公开 together and a count of first-instance judgments: neither is a mismatch.
  expect(findings.filter((f) => f.severity === "warning")).toEqual([]);
  // Only the table's footnote is left out, and said so.
  expect(findings.filter((f) => f.rule === "IMPORT.UNPLACED").map((f) => f.message)).toEqual([expect.stringContaining("[1]该项内对外公开总数量")]);
});

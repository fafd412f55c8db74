/**
 * What we export, we can read back: a report exported to Word and to HTML imports to the same cells,
 * agency, year and section texts — the path of a clerk who starts next year from this year's file.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildDocument, toHtml } from "../../src/document";
import { toDocx } from "../../src/document/docx";
import { importReport } from "../../src/import";
import { checkReport, type Report } from "../../src/report";
import { FIXTURES } from "../helpers/paths";
import { sampleReport } from "../support/reports";

const squeeze = (s: string | undefined) => (s ?? "").replace(/\s+/g, "");

async function roundTrip(report: Report) {
  const doc = buildDocument(report);
  const fromDocx = await importReport({ name: "r.docx", data: await toDocx(doc) });
  const fromHtml = await importReport({ name: "r.html", data: toHtml(doc) });
  for (const back of [fromDocx, fromHtml]) {
    expect(back.recognised).toBe(true);
    expect(back.report.cells).toEqual(report.cells);
    expect(back.report.meta.agency).toBe(report.meta.agency);
    expect(back.report.meta.year).toBe(report.meta.year);
    for (const key of ["S1", "S5", "S6"] as const) expect(squeeze(back.report.sections[key]?.text)).toBe(squeeze(report.sections[key]?.text));
    expect(checkReport(back.report).filter((f) => f.severity === "error")).toEqual([]);
  }
}

test.each(["2022-pingtan-zonghe-shiyanqu.html", "2024-pingtan-zonghe-shiyanqu.html"])("real report %s: export → import is lossless", async (name) => {
  const imported = await importReport({ name, data: new Uint8Array(readFileSync(path.join(FIXTURES, "real", name))) });
  await roundTrip(imported.report);
});

test("a report with many non-zero numbers: export → import is lossless", async () => {
  await roundTrip(sampleReport(21));
});

/**
 * Figures of the bounds against hostile input (issue 13): how long the importers take to refuse
 * files built to exhaust them, in process, and fuzz throughput.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importReport } from "../src/import";
import { loadBases, runFuzz } from "../scripts/fuzz/core";
import { FIXTURES } from "../test/helpers/paths";
import { closedNesting, docxBomb, spanBombHtml, unclosedNesting } from "../test/harden/hostile";
import { medianMs } from "./stats";

export async function bench(): Promise<Record<string, number>> {
  const bomb = docxBomb(300);
  const unclosed = unclosedNesting(100_000);
  const closed = closedNesting(5000);
  const spans = spanBombHtml(1100, 1000);
  const refuseDocxBomb300MbMs = await medianMs(5, () => importReport({ name: "b.docx", data: bomb }), 1);
  const refuseUnclosed100kMs = await medianMs(5, () => importReport({ name: "u.html", data: unclosed }), 1);
  const refuseClosed5kMs = await medianMs(5, () => importReport({ name: "c.html", data: closed }), 1);
  const refuseSpanPage10MbMs = await medianMs(3, () => importReport({ name: "s.html", data: spans }), 1);
  const bases = await loadBases(readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8"));
  const start = Date.now();
  const r = await runFuzz(bases, { seed: 1, count: 200 });
  const fuzzCasesPerSecond = Math.round((r.cases / (Date.now() - start)) * 1000);
  return { refuseDocxBomb300MbMs, refuseUnclosed100kMs, refuseClosed5kMs, refuseSpanPage10MbMs, fuzzCasesPerSecond };
}

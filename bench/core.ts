/** Figures of the core: rules on a full report, and CLI-level batch checking of text reports. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { checkReport } from "../src/report";
import { main } from "../src/cli/main";
import { sampleReport } from "../test/support/reports";
import { FIXTURES } from "../test/helpers/paths";
import { median, medianMs, round } from "./stats";

const BATCH_FILES = 200;

export async function bench(): Promise<Record<string, number>> {
  const reports = Array.from({ length: 50 }, (_, i) => sampleReport(i + 1));
  let k = 0;
  const checkMsPerReport = await medianMs(200, () => checkReport(reports[k++ % reports.length]!), 20);

  // A folder of BATCH_FILES text reports: the seed fixture with varied agency names and numbers.
  const seed = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-batch-"));
  try {
    for (let i = 0; i < BATCH_FILES; i++) {
      const text = seed.replace("前进街道办事处", `第${i + 1}街道办事处`).replace(/\t1\t0\t0\t0\t1\t/, `\t${i % 3}\t0\t0\t0\t${i % 3}\t`);
      writeFileSync(path.join(dir, `unit-${String(i).padStart(3, "0")}.txt`), text);
    }
    const silent = { out: () => {}, err: () => {}, cwd: dir };
    await main(["check", dir, "--json"], silent); // warm-up
    const rates: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      await main(["check", dir, "--json"], silent);
      rates.push(BATCH_FILES / ((performance.now() - t) / 1000));
    }
    return { checkMsPerReport, batchReportsPerSecond: round(median(rates), 1), batchFiles: BATCH_FILES };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

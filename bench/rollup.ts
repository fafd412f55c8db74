/**
 * Figures of the 政务公开办's roll-up: `rollupReportsPerSecond` over ROLLUP_UNITS generated unit
 * reports (text, the seed fixture with varied names, numbers and wording) through the CLI's
 * `rollup --json`, and the heap it keeps per unit (memory must stay flat in the reports' size:
 * the roll-up keeps cells and shingles, never the reports).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { main } from "../src/cli/main";
import { FIXTURES } from "../test/helpers/paths";
import { round } from "./stats";

const ROLLUP_UNITS = 2000;

export async function bench(): Promise<Record<string, number>> {
  const seed = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-rollup-"));
  try {
    for (let i = 0; i < ROLLUP_UNITS; i++) {
      // Each unit its own name, numbers and a sentence of its own, so the text index has real work.
      const text = seed
        .replaceAll("前进街道办事处", `第${i + 1}街道办事处`)
        .replace(/\t1\t0\t0\t0\t1\t/, `\t${i % 3}\t0\t0\t0\t${i % 3}\t`)
        .replace("坚持以人民为中心", `坚持以人民为中心，第${i + 1}号工作要点落实到位`);
      writeFileSync(path.join(dir, `unit-${String(i).padStart(4, "0")}.txt`), text);
    }
    let out = "";
    const io = { out: (t: string) => void (out = t), err: () => {}, cwd: dir };
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const t = performance.now();
    await main(["rollup", dir, "--year", "2023", "--json"], io);
    const seconds = (performance.now() - t) / 1000;
    global.gc?.();
    const heapAfter = process.memoryUsage().heapUsed;
    const units = (JSON.parse(out) as { units: unknown[] }).units.length;
    if (units !== ROLLUP_UNITS) throw new Error(`rollup read ${units} of ${ROLLUP_UNITS} units`);
    return {
      rollupReportsPerSecond: round(ROLLUP_UNITS / seconds, 1),
      rollupUnits: ROLLUP_UNITS,
      rollupHeapKbPerUnit: round(Math.max(0, heapAfter - heapBefore) / 1024 / ROLLUP_UNITS, 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

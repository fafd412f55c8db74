/**
 * `npm run fuzz -- --seed N --count M [--kinds markup,csv,register,word] [--scale 0.25]`: the
 * importers and rules under random input (scripts/fuzz/core.ts). Prints a JSON summary; exit 1 when any case failed, with its seed and
 * index so it can be rerun.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadBases, runFuzz, type CaseKind } from "./fuzz/core";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { seed: { type: "string" }, count: { type: "string" }, kinds: { type: "string" }, scale: { type: "string" } } });
  const seed = Number(values.seed ?? Date.now() % 1_000_000);
  const count = Number(values.count ?? 200);
  const scale = Number(values.scale ?? 1);
  const kinds = values.kinds ? (values.kinds.split(",") as CaseKind[]) : undefined;
  if (!Number.isInteger(seed) || !Number.isInteger(count) || count <= 0 || !(scale > 0 && scale <= 1)) {
    console.error("用法：npm run fuzz -- --seed <整数> --count <正整数> [--kinds markup,csv,register,word,…] [--scale 0–1]");
    return 2;
  }
  const seedText = readFileSync(path.join(__dirname, "..", "test", "fixtures", "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  const started = Date.now();
  const result = await runFuzz(await loadBases(seedText), {
    seed,
    count,
    scale,
    ...(kinds ? { kinds } : {}),
    onFailure: (f) => process.stderr.write(`FAIL ${JSON.stringify(f).slice(0, 300)}\n`),
    onProgress: (n) => n % 100 === 0 && process.stderr.write(`${n}/${count}\n`),
  });
  console.log(JSON.stringify({ seed, count, ms: Date.now() - started, byKind: result.byKind, failures: result.failures }, null, 2));
  return result.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);

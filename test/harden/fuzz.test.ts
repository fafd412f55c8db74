/** A small, fixed-seed run of the fuzz harness (`npm run fuzz` runs it at any size). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadBases, runFuzz } from "../../scripts/fuzz/core";
import { FIXTURES } from "../helpers/paths";

jest.setTimeout(120_000);

test("80 random text, HTML, byte, zip and xlsx inputs: no exception, deterministic, consistent reports read back clean", async () => {
  const bases = await loadBases(readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8"));
  const r = await runFuzz(bases, { seed: 20261202, count: 80 });
  expect(r.failures).toEqual([]);
  expect(r.cases).toBe(80);
  // Every kind of input was tried.
  expect(Object.keys(r.byKind).sort()).toEqual(["bytes", "consistent", "html", "text", "xlsx", "zip"]);
});

/** A small, fixed-seed run of the fuzz harness (`npm run fuzz` runs it at any size). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadBases, runFuzz } from "../../scripts/fuzz/core";
import { FIXTURES } from "../helpers/paths";

jest.setTimeout(120_000);

test("80 random text, HTML, byte, zip, xlsx, markup-shape, register and Word inputs: no exception, deterministic, within the time budget", async () => {
  const bases = await loadBases(readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8"));
  // The issue-25 shapes at a quarter of the sizes that broke the readers (`npm run fuzz` runs them whole).
  const r = await runFuzz(bases, { seed: 20261202, count: 80, scale: 0.25 });
  expect(r.failures).toEqual([]);
  expect(r.cases).toBe(80);
  // Every kind of input was tried.
  expect(Object.keys(r.byKind).sort()).toEqual(["bytes", "consistent", "csv", "html", "markup", "register", "text", "word", "xlsx", "zip"]);
});

/**
 * Reading a folder's files ahead while each is parsed must not change what is read: the results
 * come in the files' order, each naming its own file, a missing or unreadable file in its place.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadReportFile, loadReportFiles, type Loaded } from "../../src/cli/load";
import { FIXTURES } from "../helpers/paths";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-load-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("loadReportFiles gives each file's own result, in order, failures in place", async () => {
  const seed = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  const files: string[] = [];
  for (let i = 0; i < 20; i++) {
    const f = path.join(dir, `u${i}.txt`);
    if (i === 7) mkdirSync(f); // a folder named like a report
    else if (i === 13) {
      /* never written: missing */
    } else writeFileSync(f, seed.replace("前进街道办事处", `第${i}街道办事处`));
    files.push(f);
  }
  const got: Loaded[] = [];
  for await (const l of loadReportFiles(files)) got.push(l);
  expect(got.map((l) => l.file)).toEqual(files);
  for (const [i, l] of got.entries()) {
    if (i === 7 || i === 13) {
      expect(l.ok).toBe(false);
      // The same message as reading the file alone.
      expect(l).toEqual(await loadReportFile(files[i]!));
    } else {
      expect(l.ok && l.report.meta.agency).toContain(`第${i}街道办事处`);
    }
  }
});

test("an empty list gives nothing", async () => {
  const got: Loaded[] = [];
  for await (const l of loadReportFiles([])) got.push(l);
  expect(got).toEqual([]);
});

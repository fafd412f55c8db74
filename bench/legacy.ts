/**
 * Figures for Office 2019 and the old webviews:
 *   insertSyncsApiBuilt – context.sync() round trips of one template insertion on office2019vl
 *                         (ExcelApi 1.7, no insertWorksheetsFromBase64), after the pane looked:
 *                         1 read of the sheet names and markers (never overwrite a sheet), the
 *                         sheets in batches of at most 3 000 operations, 1 batch with the cover
 *                         fields, 表三 active, markers and protection (docs/manifest.md);
 *   legacyPaneKbGz      – the ES5 pane IE11 loads before it can show anything (legacy.js: pane,
 *                         core-js, whatwg-fetch), gzipped, in KB; lazy chunks excluded, as in
 *                         paneInitialKbGz.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack, { type Configuration, type Stats } from "webpack";
import { createFakeExcel } from "../src/hosts/office/fake";
import { createOfficeWorkbook } from "../src/hosts/office/officeWorkbook";

const ROOT = path.resolve(__dirname, "..");

async function insertSyncsApiBuilt(): Promise<number> {
  const fake = createFakeExcel({ profile: "office2019vl" });
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => "" });
  await port.findTemplate();
  fake.resetCounters();
  const out = await port.insertTemplate({ year: 2024, agency: "某局" });
  if (out.kind !== "inserted") throw new Error(`office2019vl did not insert: ${out.kind}`);
  return fake.syncCount;
}

async function legacyPaneKbGz(): Promise<number> {
  const out = mkdtempSync(path.join(tmpdir(), "xxgk-legacy-bench-"));
  try {
    const makeConfig = require(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Configuration[];
    const legacy = makeConfig({ outDir: out, quiet: true }, { mode: "production" }).find((c) => c.name === "legacy");
    if (!legacy) throw new Error("webpack.config.js has no 'legacy' config");
    await new Promise<Stats>((resolve, reject) =>
      webpack(legacy, (err, s) => (err ? reject(err) : s?.hasErrors() ? reject(new Error(s.toString("errors-only"))) : resolve(s!))),
    );
    return Math.round((gzipSync(readFileSync(path.join(out, "legacy.js")), { level: 9 }).length / 1024) * 10) / 10;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

export async function bench(): Promise<Record<string, number>> {
  return { insertSyncsApiBuilt: await insertSyncsApiBuilt(), legacyPaneKbGz: await legacyPaneKbGz() };
}

if (require.main === module) void bench().then((f) => console.log(JSON.stringify(f, null, 2)));

/**
 * `export --pdf` through the compiled CLI (dist-cli/main.cjs), as `xxgk-report` runs for a clerk:
 * the bundle finds the shipped fonts (it once looked beside the checkout and refused every PDF)
 * and writes the same text as the TypeScript sources do.
 */
import { execFile, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { buildDocument } from "../../src/document/build";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { toPdf } from "../../src/document/pdf";
import { importReport } from "../../src/import";
import { FIXTURES, PROJECT_ROOT } from "../helpers/paths";
import { pdfFonts, pdfInfo } from "./support";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
const REPORT = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");

beforeAll(() => {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build-cli.js"), "--strict"], { cwd: PROJECT_ROOT });
});

test("the compiled CLI writes the PDF the sources write", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cli-pdf-"));
  const pdf = async (name: string, env: NodeJS.ProcessEnv) => {
    const out = path.join(dir, name);
    const r = await run(process.execPath, [BIN, "export", REPORT, "--pdf", out], { cwd: dir, env: { ...process.env, ...env } });
    expect(r.stdout).toContain("已导出 PDF 文件");
    return out;
  };
  const compiled = await pdf("compiled.pdf", { XXGK_CLI_FROM_SOURCE: "" });
  const source = await pdf("source.pdf", { XXGK_CLI_FROM_SOURCE: "1" });
  const text = (f: string) => execFileSync("pdftotext", [f, "-"], { encoding: "utf8" });
  expect(text(compiled)).toBe(text(source));
  expect(text(compiled)).toContain("政府信息公开工作年度报告");
  expect(pdfInfo(compiled).pages).toBe(pdfInfo(source).pages);
  const fonts = pdfFonts(compiled);
  expect(fonts.length).toBe(5);
  expect(fonts.every((f) => f.emb && f.sub && f.uni)).toBe(true);
}, 120_000);

test("the CLI's PDF, made with its Node-only speed-ups, is byte for byte the PDF of plain pdfmake", async () => {
  // The CLI patches fontkit's subset, pdfmake's style lookup, the Unicode tables' inflation and
  // defers unused packages in Node's own module cache; this test's pdfmake (jest's registry) has none.
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cli-pdf-"));
  const out = path.join(dir, "cli.pdf");
  await run(process.execPath, [BIN, "export", REPORT, "--pdf", out], { cwd: dir });
  const report = (await importReport({ name: "r.txt", data: new Uint8Array(readFileSync(REPORT)) })).report;
  const plain = await toPdf(buildDocument(report), await loadFontsFromDir());
  const withoutTime = (b: Uint8Array) =>
    Buffer.from(b)
      .toString("latin1")
      .replace(/\(D:\d+Z\)/, "")
      .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
  expect(withoutTime(readFileSync(out)) === withoutTime(plain)).toBe(true);
}, 120_000);

/**
 * `export --pdf` through the compiled CLI (dist-cli/main.cjs), as `xxgk-report` runs for a clerk:
 * the bundle finds the shipped fonts (it once looked beside the checkout and refused every PDF)
 * and writes the same text as the TypeScript sources do; its Word file has plain docx's parts.
 */
import { execFile, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { buildDocument } from "../../src/document/build";
import { toDocx } from "../../src/document/docx";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { toPdf } from "../../src/document/pdf";
import { importReport } from "../../src/import";
import { FIXTURES, PROJECT_ROOT } from "../helpers/paths";
import { countOperator, lookDifferences } from "./samePdf";
import { FONTS_DIR, libreOfficeToPdf, pdfFonts, pdfInfo } from "./support";
import { FONT_ROLES, PDF_FONT_FILES } from "../../src/document/fonts";

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

test("the CLI's PDF, made with its Node-only speed-ups, looks the same as plain pdfmake's", async () => {
  // The CLI patches fontkit's subset, pdfmake's style lookup and its drawing of a line's runs, the
  // Unicode tables' inflation and defers unused packages in Node's own module cache; this test's
  // pdfmake (jest's registry) has none. Its content streams differ (fewer text objects), so it is
  // compared as a reader sees it: every word's box, the text, the pixels (samePdf.ts).
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cli-pdf-"));
  const out = path.join(dir, "cli.pdf");
  await run(process.execPath, [BIN, "export", REPORT, "--pdf", out], { cwd: dir });
  const report = (await importReport({ name: "r.txt", data: new Uint8Array(readFileSync(REPORT)) })).report;
  const plain = await toPdf(buildDocument(report), await loadFontsFromDir());
  expect(lookDifferences(plain, out)).toEqual([]);
  // The runs are drawn as runs (not one text object per character as plain pdfmake does).
  expect(countOperator(readFileSync(out), "BT")).toBeLessThan(countOperator(plain, "BT") / 2);
}, 120_000);

test("the CLI's Word file, zipped by zlib, has plain docx's parts and LibreOffice reads the same text from it", async () => {
  // The CLI zips the parts with Node's zlib and writes docx's attributes in one loop
  // (docxZipNode.ts, docxAttributesNode.ts); this test's docx (jest's registry) has neither.
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cli-docx-"));
  const cli = path.join(dir, "cli.docx");
  await run(process.execPath, [BIN, "export", REPORT, "--docx", cli], { cwd: dir });
  const report = (await importReport({ name: "r.txt", data: new Uint8Array(readFileSync(REPORT)) })).report;
  const plain = path.join(dir, "plain.docx");
  writeFileSync(plain, await toDocx(buildDocument(report)));
  const parts = (f: string) =>
    Object.entries(unzipSync(readFileSync(f))).map(([name, b]) => [name, strFromU8(b).replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, "<dcterms:$1><")]);
  expect(parts(cli)).toEqual(parts(plain));
  // Zipped by the CLI's own path (each part's sizes in a data descriptor: flag bit 3), not docx's.
  expect(readFileSync(cli).readUInt16LE(6) & 8).toBe(8);
  expect(readFileSync(plain).readUInt16LE(6) & 8).toBe(0);
  expect(execFileSync("unzip", ["-t", cli], { encoding: "utf8" })).toMatch(/No errors detected/);
  const text = (f: string) => execFileSync("pdftotext", ["-layout", libreOfficeToPdf(f, path.join(dir, path.basename(f, ".docx"))), "-"], { encoding: "utf8" });
  const fromCli = text(cli);
  expect(fromCli).toContain("政府信息公开工作年度报告");
  expect(fromCli).toBe(text(plain));
}, 180_000);

test("a font file cut short in the install: the CLI says which and what it lacks, writes no PDF, and still writes the Word file", async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cli-badfont-"));
  const fonts = path.join(dir, "fonts");
  mkdirSync(fonts);
  for (const role of FONT_ROLES) copyFileSync(path.join(FONTS_DIR, PDF_FONT_FILES[role]), path.join(fonts, PDF_FONT_FILES[role]));
  writeFileSync(path.join(fonts, PDF_FONT_FILES.fang), readFileSync(path.join(FONTS_DIR, PDF_FONT_FILES.fang)).subarray(0, 300));
  const env = { ...process.env, XXGK_FONTS_DIR: fonts, XXGK_FONT_CACHE_DIR: path.join(dir, "cache") };
  const r = await run(process.execPath, [BIN, "export", REPORT, "--pdf", "r.pdf", "--docx", "r.docx"], { cwd: dir, env }).then(
    () => ({ code: 0, stderr: "" }),
    (e: { code: number; stderr: string }) => e,
  );
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/无法读取本程序自带的 PDF 字体：FandolFang-Regular\.gb2312\.otf 只有 300 字节，cmap 表应到第 \d+ 字节：文件不完整。请重新安装本程序，或改为导出 Word 文件。/);
  expect(r.stderr).not.toContain("内部错误");
  expect(existsSync(path.join(dir, "r.pdf"))).toBe(false);
  expect(existsSync(path.join(dir, "r.docx"))).toBe(true);
}, 120_000);

/**
 * Files built to exhaust the importers (issue 13), each run through the real CLI in a child
 * process capped at a 1 GB heap: it must end within 30 s, exit 2 and say in Chinese what is wrong.
 * The same readers serve the pane (importReport, readWorkbook), checked in process as well.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { crc32 } from "node:zlib";
import { deflateSync, unzipSync } from "fflate";
import { importReport } from "../../src/import";
import { readWorkbook } from "../../src/template/read";
import { FIXTURES, outputDir } from "../helpers/paths";
import { fillTemplate, templateBytes } from "../template/support";
import { sampleReport } from "../support/reports";
import { closedNesting, docxBomb, docxParagraphs, MARKUP_SHAPES, markupRepeat, rawZip, sheetRows, spanBombHtml, unclosedNesting, xlsxWith, zerosDeflate } from "./hostile";
import { expectRefused, runUnderHeap } from "./underHeap";

const DIR = outputDir("hostile");
const SEED_TEXT = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");

/** `xxgk-report check <file>` under a 1 GB heap. */
const check = (file: string, bytes: Uint8Array | string) => runUnderHeap(DIR, "check", file, bytes);
const refused = expectRefused;

jest.setTimeout(120_000);

async function templateParts(): Promise<Record<string, Uint8Array>> {
  return unzipSync(await fillTemplate(await templateBytes(), sampleReport(1)));
}

test("a .docx whose document.xml inflates to 300 MB is refused (1 MB on disk)", async () => {
  const bomb = docxBomb(300);
  expect(bomb.length).toBeLessThan(2 << 20);
  refused(await check("bomb.docx", bomb), /word\/document\.xml.*解压后超过 16 MB/);
  const pane = await importReport({ name: "bomb.docx", data: bomb });
  expect(pane.recognised).toBe(false);
  expect(pane.findings[0]!.message).toContain("解压后超过");
});

test("an .xlsx whose sheet XML inflates to 300 MB of rows is refused", async () => {
  const parts = await templateParts();
  const sheet = Object.keys(parts).find((n) => n.startsWith("xl/worksheets/sheet"))!;
  const bomb = xlsxWith(parts, { name: sheet, repeat: sheetRows(300) });
  expect(bomb.length).toBeLessThan(4 << 20);
  refused(await check("rows.xlsx", bomb), /Excel 文件.*解压后超过 16 MB/);
  const pane = await readWorkbook(bomb);
  expect(pane.report).toBeNull();
});

test("an unused 1.5 GB entry in an .xlsx is never inflated: the report is read as if it were not there", async () => {
  const parts = await templateParts();
  let crc = 0;
  const mb = Buffer.alloc(1 << 20);
  for (let i = 0; i < 1536; i++) crc = crc32(mb, crc);
  const entries: Parameters<typeof rawZip>[0] = Object.entries(parts).map(([name, data]) => ({ name, deflated: deflateSync(data), crc: crc32(data), size: data.length }));
  entries.push({ name: "xl/media/image1.bin", deflated: zerosDeflate(1536 << 20), crc, size: 1536 << 20 });
  // (sizes in the headers are the true ones: the entry really inflates to 1.5 GB)
  const file = rawZip(entries);
  const r = await check("unused.xlsx", file);
  expect(r.ms).toBeLessThan(30_000);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(sampleReport(1).meta.agency!);
});

test("a corrupt .xlsx gets a Chinese message, not the library's text", async () => {
  const good = await fillTemplate(await templateBytes(), sampleReport(1));
  const broken = good.slice();
  // Damage the compressed data of the first entries, keep the directory intact.
  for (let i = 200; i < 4000; i += 7) broken[i] = broken[i]! ^ 0x5a;
  const r = await check("corrupt.xlsx", broken);
  refused(r, /无法读取 ?Excel 文件：文件已损坏/);
  expect(r.stderr).not.toMatch(/Bug|mismatch|invalid|zip/i);
});

test("a 10 MB page of rowspan=0 / colspan=0 cells over empty rows is refused before it is parsed", async () => {
  const html = spanBombHtml(1100, 1000);
  expect(html.length).toBeGreaterThan(9_000_000);
  refused(await check("spans.html", html), /标签超过 200000 个/);
  // Within the element limit, the grid budget stops the expansion.
  refused(await check("spans2.html", spanBombHtml(150, 1000)), /表格展开后超过 2000000 个单元格/);
});

test("100 000 unclosed nested tags are refused at once (no quadratic parse)", async () => {
  const r = await check("unclosed.html", unclosedNesting(100_000));
  refused(r, /嵌套超过 400 层/);
  expect(r.ms).toBeLessThan(10_000);
});

test("5 000 closed nesting levels are refused with a reason, not an internal error", async () => {
  refused(await check("closed.html", closedNesting(5000)), /嵌套超过 400 层/);
});

test("130 000 table rows (each an unplaced finding) are refused with a reason; 9 000 are read with the findings capped", async () => {
  const text = (n: number) => {
    const lines = SEED_TEXT.split("\n");
    const at = lines.findIndex((l) => l.includes("4. 保护第三方合法权益"));
    const junk = Array.from({ length: n }, (_, i) => `\t\t事项${i}\t1\t2\t3\t4\t5\t6\t7`);
    return [...lines.slice(0, at + 1), ...junk, ...lines.slice(at + 1)].join("\n");
  };
  refused(await check("rows.txt", text(130_000)), /表格共有 \d+ 行，超过上限 10000 行/);
  const r = await check("many.txt", text(9000));
  expect(r.ms).toBeLessThan(30_000);
  expect(r.code).toBe(0); // warnings only: rows it could not place
  expect(r.stdout).toContain("共 9000 处），只列出前 500 处");
});

describe("markup the parser would re-nest (issue 25): refused or read, never quadratic", () => {
  // <DIV></div>: HTML closes case-insensitively, so 40 000 are siblings (read); 200 000 pass the
  // element bound. <x_a></x_b>: nothing closes, so they nest past 400 levels.
  test.each([
    ["<DIV></div>", 40_000, /未能识别为政府信息公开工作年度报告/],
    ["<x_a></x_b>", 40_000, /嵌套超过 400 层/],
    ["<x_a></x_b>", 99_000, /嵌套超过 400 层/],
    ["<x_a></x_b>", 200_000, /嵌套超过 400 层/],
    ["<DIV></div>", 200_000, /标签超过 200000 个/],
  ])("%s × %d", async (shape, times, says) => {
    const r = await check("shape.html", markupRepeat(shape, times));
    refused(r, says);
    expect(r.ms).toBeLessThan(10_000);
  });

  test("the pane's reader (same module) refuses every shape at 200 000 within seconds", async () => {
    for (const shape of MARKUP_SHAPES) {
      const start = Date.now();
      const r = await importReport({ name: "x.html", data: markupRepeat(shape, 200_000) });
      expect({ shape, recognised: r.recognised, fast: Date.now() - start < 10_000 }).toEqual({ shape, recognised: false, fast: true });
      expect(r.findings[0]!.message).toMatch(/无法读取这个网页|未能识别/);
    }
  });
});

describe("Word files bounded before mammoth builds them (issue 25)", () => {
  test.each([
    [470_000, "15.9 MB"],
    [246_000, "8 MB"],
  ])("%d paragraphs (document.xml %s) are refused, naming the Word file", async (paragraphs) => {
    const docx = docxParagraphs(paragraphs);
    expect(docx.length).toBeLessThan(100_000);
    const r = await check("paras.docx", docx);
    refused(r, new RegExp(`这个 Word 文件：文件中有 ${paragraphs} 个段落`));
    expect(r.stderr).not.toContain("网页");
    const pane = await importReport({ name: "paras.docx", data: docx });
    expect(pane.findings[0]!.message).toContain("Word 文件");
  });
});

/**
 * Reports as PDF and as text taken out of a PDF: the CLI (real bin, child process) on PDFs made by
 * two producers from the two real 平潭 reports, with and without blank cells; `pdftotext -layout`
 * text of them; and what a PDF reader must refuse (a scan, an encrypted file, a broken file).
 * Every cell read equals the published figure, and nothing is ever judged that was not read.
 */
import { execFile, execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import PDFDocument from "pdfkit";
import { checkReport, t3Key, t4Key, type Finding, type RawCell } from "../../src/report";
import { readText } from "../../src/import";
import { readHtml } from "../../src/import/html";
import { reportAsText } from "./support/layout";
import { FIXTURES, PROJECT_ROOT, outputDir } from "../helpers/paths";

const run = promisify(execFile);
const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
const PDFS = path.join(FIXTURES, "pdf");
const ARITHMETIC = ["T3.BALANCE", "T3.OUTCOME_SUM", "T3.ROW_SUM", "T4.GROUP_SUM"];

interface Json {
  format: string;
  year: number;
  agency: string;
  cells: Record<string, number | null>;
  unread: string[];
  findings: Finding[];
}

async function check(file: string): Promise<{ code: number; json: Json | null; stderr: string }> {
  try {
    const r = await run(process.execPath, [BIN, "check", file, "--json"], { cwd: PROJECT_ROOT, maxBuffer: 64 << 20 });
    return { code: 0, json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, json: x.stdout ? (JSON.parse(x.stdout) as Json) : null, stderr: x.stderr };
  }
}

function expected(year: string): Record<string, RawCell> {
  return (JSON.parse(readFileSync(path.join(FIXTURES, "real", `${year}-pingtan-zonghe-shiyanqu.expected.json`), "utf8")) as { cells: Record<string, RawCell> }).cells;
}

/** The published value of every cell; a blank in the source reads as null where the value is 0. */
function expectCells(json: Json, year: string, blanksInT3: boolean): void {
  for (const [key, value] of Object.entries(expected(year))) {
    const want = blanksInT3 && key.startsWith("T3.") && value === 0 ? null : value;
    expect([key, json.cells[key]]).toEqual([key, want]);
  }
}

const CASES: Array<[string, string, boolean]> = [
  ["2022-pingtan.export-pdfmake.pdf", "2022", false],
  ["2024-pingtan.export-libreoffice.pdf", "2024", false],
  ["2024-pingtan.blank-pdfmake.pdf", "2024", true],
  ["2022-pingtan.blank-libreoffice.pdf", "2022", true],
];

describe.each(CASES)("check %s", (file, year, blanks) => {
  test("every cell as published, nothing unread, no error", async () => {
    const r = await check(path.join(PDFS, file));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = r.json!;
    expect([j.format, j.year, j.agency]).toEqual(["2021", Number(year), "平潭综合实验区"]);
    expectCells(j, year, blanks);
    expect(j.unread).toEqual([]);
    expect(j.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("pdftotext -layout text", () => {
  const read = (file: string) => readText(readFileSync(path.join(PDFS, file), "utf8"));

  test.each([
    ["2022-pingtan.export-pdfmake.layout.txt", "2022"],
    ["2024-pingtan.export-libreoffice.layout.txt", "2024"],
  ])("%s: wrapped labels, numbers beside or under them, 表二 blocks, 表四 — every cell", (file, year) => {
    const res = read(file);
    for (const [key, value] of Object.entries(expected(year))) expect([key, res.report.cells[key]]).toEqual([key, value]);
    expect(res.report.unread).toBeUndefined();
    expect([...res.findings, ...checkReport(res.report)].filter((f) => f.severity === "error")).toEqual([]);
  });

  test("-raw text (one space between cells, as a viewer copies): every cell", () => {
    const res = read("2024-pingtan.export-libreoffice.raw.txt");
    for (const [key, value] of Object.entries(expected("2024"))) expect([key, res.report.cells[key]]).toEqual([key, value]);
    expect(res.report.unread).toBeUndefined();
    expect([...res.findings, ...checkReport(res.report)].filter((f) => f.severity === "error")).toEqual([]);
  });

  test("-raw text with blank cells: a short row is never spread over columns, it is said and not judged", () => {
    const res = read("2024-pingtan.blank-pdfmake.raw.txt");
    const all = expected("2024");
    // 表三 rows that lost their blanks have fewer numbers than columns: unread, each named.
    expect(res.report.unread!.filter((k) => !k.startsWith("T3."))).toEqual([]);
    expect(res.report.unread!.length).toBeGreaterThan(0);
    for (const [key, value] of Object.entries(res.report.cells)) {
      if (res.report.unread!.includes(key) || value === null || value === "") continue;
      expect([key, value]).toEqual([key, all[key]]);
    }
    expect(res.findings.some((f) => f.rule === "IMPORT.MISSING" && /“（七）总计”只找到 3 个数值（应为 7 个）/.test(f.message))).toBe(true);
    const found = checkReport(res.report);
    expect(found.filter((f) => ARITHMETIC.includes(f.rule))).toEqual([]);
    expect(found.some((f) => f.rule === "CHECK.UNREAD")).toBe(true);
  });

  test("blank cells with no row to show the columns: what is read is right, the rest is said, never judged", () => {
    const res = read("2024-pingtan.blank-pdfmake.layout.txt");
    const all = expected("2024");
    for (const [key, value] of Object.entries(res.report.cells)) {
      if (res.report.unread?.includes(key) || value === null || value === "") continue;
      expect([key, value]).toEqual([key, all[key]]);
    }
    const found = checkReport(res.report);
    expect(found.filter((f) => f.severity === "error")).toEqual([]);
    expect(found.some((f) => f.rule === "CHECK.UNREAD")).toBe(true);
    // 表二 and 表四 have every number printed: they are read in full.
    for (const key of Object.keys(all).filter((k) => !k.startsWith("T3."))) expect([key, res.report.cells[key]]).toEqual([key, all[key]]);
  });

  test.each([true, false])("表三 continued on the next page (header repeated: %s)", (repeat) => {
    const text = readFileSync(path.join(PDFS, "2024-pingtan.export-libreoffice.layout.txt"), "utf8");
    const lines = text.split("\n");
    const head = lines.findIndex((l) => /申请人情况/.test(l));
    const first = lines.findIndex((l) => /一、本年新收/.test(l));
    const cut = lines.findIndex((l) => /4\.保护第三方合法权益/.test(l));
    const header = repeat ? lines.slice(head, first) : [];
    const broken = [...lines.slice(0, cut), "", "                                   — 4 —", "\f", ...header, ...lines.slice(cut)].join("\n");
    const res = readText(broken);
    for (const [key, value] of Object.entries(expected("2024"))) expect([key, res.report.cells[key]]).toEqual([key, value]);
    expect(res.report.unread).toBeUndefined();
  });

  test("OCR text whose column heads read 数据1…数据7: rows by their labels, columns in the format's order", () => {
    const page = readFileSync(path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "utf8");
    let inT3 = false;
    const ocr = reportAsText(readHtml(page).report)
      .split("\n")
      .map((line) => {
        if (/^三、收到/.test(line)) inT3 = true;
        if (/^四、/.test(line)) inT3 = false;
        if (!inT3 || !line.includes("\t")) return line;
        if (/自然人/.test(line)) return "| 项目 | | | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |";
        if (/商业企业/.test(line)) return "";
        return `| ${line.split("\t").join(" | ")} |`;
      })
      .join("\n");
    expect(ocr).toMatch(/数据1/);
    const res = readText(ocr);
    for (const [key, value] of Object.entries(expected("2024"))) expect([key, res.report.cells[key]]).toEqual([key, value]);
    expect([...res.findings, ...checkReport(res.report)].filter((f) => f.severity === "error")).toEqual([]);
  });

  test("（六）其他处理 printed as one row: read into 3.其他, the sums still judged, nothing false", () => {
    const text = readFileSync(path.join(PDFS, "2024-pingtan.export-libreoffice.layout.txt"), "utf8");
    const lines = text.split("\n");
    const first = lines.findIndex((l) => /1\.申请人无正当理由逾期不补/.test(l));
    const last = lines.findIndex((l) => /3\.其他\s/.test(l));
    // 1 + 0 + 1 (自然人) and 0 + 0 + 1 (商业企业): one row “（六）其他处理 2 1 0 0 0 0 3”.
    const one = "     （六）其他处理                2    1    0      0     0   0     3";
    const merged = [...lines.slice(0, first), one, ...lines.slice(last + 1)].join("\n");
    const res = readText(merged);
    expect(res.report.cells[t3Key("R23", "C1")]).toBe(2);
    expect(res.report.cells[t3Key("R23", "C7")]).toBe(3);
    expect(res.findings.some((f) => f.rule === "IMPORT.MISSING" && /只有一行“（六）其他处理”/.test(f.message))).toBe(true);
    const found = checkReport(res.report);
    expect(found.filter((f) => ARITHMETIC.includes(f.rule))).toEqual([]);
  });

  test("a published 表四 whose 总计 reads 0 beside non-zero results: read as printed, the error named", () => {
    const text = readFileSync(path.join(PDFS, "2024-pingtan.export-libreoffice.layout.txt"), "utf8");
    const lines = text.split("\n");
    const i = lines.findIndex((l) => /^\s*2\s+1\s+3\s+1\s+7\s/.test(l));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i]!.replace(/(\s)7(\s)/, "$10$2").replace(/(\s)19\s*$/, "$1 0");
    const res = readText(lines.join("\n"));
    expect(res.report.cells[t4Key("C05")]).toBe(0);
    expect(res.report.cells[t4Key("C15")]).toBe(0);
    expect(res.report.cells[t4Key("C11")]).toBe(13);
    const sums = checkReport(res.report).filter((f) => f.rule === "T4.GROUP_SUM");
    expect(sums.map((f) => f.message)).toEqual([
      expect.stringMatching(/“行政复议”：总计为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 7，相差 7/),
      expect.stringMatching(/“复议后起诉”：总计为 0，但结果维持、结果纠正、其他结果、尚未审结之和为 19，相差 19/),
    ]);
  });
});

test("laid-out text beyond its bound is refused with a plain message, quickly", () => {
  const lines = ["三、收到和处理政府信息公开申请情况"];
  for (let i = 0; i < 25_000; i++) lines.push(`  1.属于国家秘密   1   2   3   4   5   6   21`);
  const res = readText(lines.join("\n"));
  expect(res.recognised).toBe(false);
  expect(res.findings[0]!.message).toMatch(/按版面排列的文字共有 25001 行，超过上限 20000 行/);
});

describe("extractor markdown with each label on its own line above its numbers", () => {
  test("the label and the number row below it are one row; every cell as published", () => {
    const page = readFileSync(path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "utf8");
    const md = reportAsText(readHtml(page).report)
      .split("\n")
      .flatMap((line) => {
        const cells = line.split("\t");
        const first = cells.findIndex((c) => /^\d+(\.\d+)?$/.test(c));
        if (!line.includes("\t") || first <= 0) return [line.includes("\t") ? `| ${cells.join(" | ")} |` : line];
        return [`| ${cells.slice(0, first).filter((c) => c).join(" | ")} |`, `| ${cells.slice(first).join(" | ")} |`];
      })
      .join("\n");
    expect(md).toMatch(/\| 一、本年新收政府信息公开申请数量 \|\n\| 217 \| 1 \|/);
    const res = readText(md);
    for (const [key, value] of Object.entries(expected("2024"))) expect([key, res.report.cells[key]]).toEqual([key, value]);
    expect([...res.findings, ...checkReport(res.report)].filter((f) => f.severity === "error")).toEqual([]);
  });
});

test("a folder of PDFs and text: each file checked, one line each", async () => {
  const dir = outputDir("pdf-folder");
  for (const f of ["2024-pingtan.export-libreoffice.pdf", "2022-pingtan.export-pdfmake.layout.txt"]) writeFileSync(path.join(dir, f), readFileSync(path.join(PDFS, f)));
  const r = await run(process.execPath, [BIN, "check", dir], { cwd: PROJECT_ROOT });
  expect(r.stdout).toMatch(/2024-pingtan\.export-libreoffice\.pdf/);
  expect(r.stdout).toMatch(/2022-pingtan\.export-pdfmake\.layout\.txt/);
  expect(r.stdout).toMatch(/共 2 个文件：通过 2 个，有错误 0 个，无法读取 0 个。/);
});

describe("PDFs that cannot be read are refused plainly", () => {
  const dir = outputDir("pdf-refused");

  function pdfkit(options: PDFKit.PDFDocumentOptions, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const doc = new PDFDocument(options);
      const parts: Buffer[] = [];
      doc.on("data", (b: Buffer) => parts.push(b));
      doc.on("end", () => resolve(Buffer.concat(parts)));
      doc.on("error", reject);
      draw(doc);
      doc.end();
    });
  }

  test("a scan (pages that are images only) is named as such, with what to use instead", async () => {
    // A page of a real report rendered to an image, as a scanner would give it.
    execFileSync("pdftoppm", ["-png", "-r", "40", "-f", "4", "-l", "4", "-singlefile", path.join(PDFS, "2024-pingtan.export-libreoffice.pdf"), path.join(dir, "page")]);
    const png = readFileSync(path.join(dir, "page.png"));
    const file = path.join(dir, "scan.pdf");
    writeFileSync(file, await pdfkit({}, (d) => d.image(png, 0, 0, { width: 595 })));
    const r = await check(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/只有图片、没有文字，是扫描件/);
  });

  test("an encrypted PDF", async () => {
    const file = path.join(dir, "locked.pdf");
    writeFileSync(file, await pdfkit({ userPassword: "1234", ownerPassword: "5678" }, (d) => d.text("x")));
    const r = await check(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/设有打开密码或已加密/);
  });

  test("a broken PDF", async () => {
    const file = path.join(dir, "broken.pdf");
    writeFileSync(file, "%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> garbage\n");
    const r = await check(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/已损坏或不是有效的 PDF/);
  });
});

/**
 * exportReport (never refuses silently), the HTML renderer, and `xxgk-report export` on the
 * shared fixture and on reports written by the test.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "node-html-parser";
import { t3Key } from "../../src/report";
import { buildDocument } from "../../src/document/build";
import { exportReport } from "../../src/document/exportReport";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { toHtml, toHtmlFragment } from "../../src/document/html";
import type { TableBlock } from "../../src/document/model";
import { run } from "../../src/cli/commands/export";
import type { CliIO } from "../../src/cli/io";
import { FIXTURES, outputDir } from "../helpers/paths";
import { formatLabels, richReport, seedReport } from "./support";

const OUT = outputDir("export");
const SEED = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");

describe("exportReport", () => {
  test("a report without errors exports at once, named after its title", async () => {
    const res = await exportReport(seedReport(), "docx");
    expect(res.status).toBe("ok");
    if (res.status !== "ok") return;
    expect(res.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(res.file.fileName).toBe("某某街道办事处2023年政府信息公开工作年度报告.docx");
    expect(res.file.mimeType).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect([...res.file.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  test("errors need confirmation; the findings come back either way", async () => {
    const r = richReport();
    r.cells[t3Key("R01", "C1")] = (r.cells[t3Key("R01", "C1")] as number) + 1;
    const first = await exportReport(r, "pdf", { loadFonts: () => loadFontsFromDir() });
    expect(first.status).toBe("needsConfirmation");
    expect(first.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(["T3.BALANCE", "T3.ROW_SUM"]));
    if (first.status === "needsConfirmation") expect(first.message).toMatch(/^报告有 \d+ 个错误/);
    const confirmed = await exportReport(r, "pdf", { loadFonts: () => loadFontsFromDir(), confirmErrors: true });
    expect(confirmed.status).toBe("ok");
    if (confirmed.status === "ok") {
      expect(confirmed.findings).toEqual(first.findings);
      expect(Buffer.from(confirmed.file.bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    }
  });

  test("a PDF without fonts is refused with a reason, not silently", async () => {
    const res = await exportReport(seedReport(), "pdf");
    expect(res.status).toBe("refused");
    const failing = await exportReport(seedReport(), "pdf", { loadFonts: () => Promise.reject(new Error("HTTP 404")) });
    expect(failing).toMatchObject({ status: "refused", message: expect.stringContaining("HTTP 404") });
  });

  test("precomputed findings (the pane's) are used as given", async () => {
    const res = await exportReport(seedReport(), "html", {
      findings: [{ rule: "IMPORT.UNPLACED", severity: "error", cells: [], message: "x" }],
    });
    expect(res).toMatchObject({ status: "needsConfirmation", findings: [{ rule: "IMPORT.UNPLACED" }] });
  });
});

describe("HTML", () => {
  test("rowspan/colspan tables equal the model; header rows in <thead>; every label present", () => {
    const doc = buildDocument(richReport());
    const html = toHtml(doc);
    writeFileSync(path.join(OUT, "rich.html"), html);
    const root = parse(html);
    const tables = root.querySelectorAll("table");
    const model = doc.sections.flatMap((s) => s.blocks).filter((b): b is TableBlock => b.kind === "table");
    expect(tables).toHaveLength(model.length);
    model.forEach((t, i) => {
      const cells = tables[i]!.querySelectorAll("td, th");
      const mcells = t.rows.flatMap((r) => r.cells);
      expect(cells.map((c) => [c.text, Number(c.getAttribute("colspan") ?? 1), Number(c.getAttribute("rowspan") ?? 1)])).toEqual(
        mcells.map((c) => [c.text, c.colSpan, c.rowSpan]),
      );
      expect(tables[i]!.querySelectorAll("thead tr")).toHaveLength(t.headerRows);
    });
    const text = root.text;
    for (const l of formatLabels()) expect(text).toContain(l);
    expect(root.querySelector("h1")!.text).toBe(doc.title);
    expect(root.querySelectorAll("h2").map((h) => h.text)).toHaveLength(6);
  });

  test("all text is escaped", () => {
    const r = seedReport();
    r.meta.title = '<script>alert("x")</script>年报';
    r.sections.S6!.text = "a < b & c > d 'q' \"w\"";
    r.cells[t3Key("R01", "C1")] = "<img src=x onerror=alert(1)>";
    const html = toHtmlFragment(buildDocument(r));
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;年报");
    expect(html).toContain("a &lt; b &amp; c &gt; d &#39;q&#39; &quot;w&quot;");
    expect(parse(html).querySelectorAll("td").some((td) => td.text === "<img src=x onerror=alert(1)>")).toBe(true);
  });
});

describe("xxgk-report export", () => {
  function io(): CliIO & { outText: string[]; errText: string[] } {
    const outText: string[] = [];
    const errText: string[] = [];
    return { out: (t) => outText.push(t), err: (t) => errText.push(t), cwd: OUT, outText, errText };
  }
  const dir = path.join(OUT, "cli");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  test("the published seed report → docx, pdf and html, exit 0", async () => {
    const c = io();
    const code = await run([SEED, "--docx", "cli/seed.docx", "--pdf", "cli/seed.pdf", "--html", "cli/seed.html"], c);
    expect(c.errText.join("\n")).not.toContain("错误 [");
    expect(code).toBe(0);
    for (const ext of ["docx", "pdf", "html"]) expect(existsSync(path.join(dir, `seed.${ext}`))).toBe(true);
    expect(readFileSync(path.join(dir, "seed.html"), "utf8")).toContain("三门峡市湖滨区前进街道办事处");
    expect(c.outText.join("\n")).toContain("已导出 PDF 文件：cli/seed.pdf");
  });

  test("a report with errors: exit 1 and nothing written, unless --force", async () => {
    const broken = readFileSync(SEED, "utf8").replace("一、本年新收政府信息公开申请数量\t\t0\t0", "一、本年新收政府信息公开申请数量\t\t3\t0");
    const file = path.join(dir, "broken.txt");
    writeFileSync(file, broken);
    const c = io();
    expect(await run([file, "--docx", "cli/broken.docx"], c)).toBe(1);
    expect(existsSync(path.join(dir, "broken.docx"))).toBe(false);
    expect(c.errText.join("\n")).toMatch(/T3\.BALANCE[\s\S]*加 --force/);
    const f = io();
    expect(await run([file, "--docx", "cli/broken.docx", "--force"], f)).toBe(0);
    expect(existsSync(path.join(dir, "broken.docx"))).toBe(true);
  });

  test("a character the fonts lack: PDF refused (exit 1) with EXPORT.GLYPH, Word still written", async () => {
    const rare = readFileSync(SEED, "utf8").replace("## 六、其他需要报告的事项", "## 六、其他需要报告的事项\n\n联系人：王赟。");
    const file = path.join(dir, "rare.txt");
    writeFileSync(file, rare);
    const c = io();
    const code = await run([file, "--pdf", "cli/rare.pdf", "--docx", "cli/rare.docx"], c);
    expect(code).toBe(1);
    expect(existsSync(path.join(dir, "rare.pdf"))).toBe(false);
    expect(existsSync(path.join(dir, "rare.docx"))).toBe(true);
    expect(c.errText.join("\n")).toMatch(/错误 \[EXPORT\.GLYPH\] “赟”（U\+8D5F）/);
  });

  test("usage errors and unreadable input exit 2", async () => {
    expect(await run([], io())).toBe(2);
    expect(await run([SEED], io())).toBe(2);
    expect(await run([SEED, "--pdf"], io())).toBe(2);
    expect(await run([SEED, "--bogus", "x"], io())).toBe(2);
    expect(await run(["no-such-file.txt", "--docx", "x.docx"], io())).toBe(2);
    writeFileSync(path.join(dir, "a-file"), "");
    const c = io();
    expect(await run([SEED, "--html", "cli/a-file/x.html"], c)).toBe(2);
    expect(c.errText.join("\n")).toContain("无法写入 cli/a-file/x.html");
    const h = io();
    expect(await run(["--help"], h)).toBe(0);
    expect(h.outText.join("")).toContain("用法：xxgk-report export");
  });
});

/**
 * Reading a PDF in the pane, where a browser is not needed to judge it: where pdf.js cannot run
 * (here Node: no Worker at all) 导入报告/上年结转 get the message that names the other forms; the
 * feature test asks only whether `new Worker` reads its options (EdgeHTML 18 and IE11 do not); a
 * read whose worker stops answering ends in the slow-file message. The real library in Chromium
 * is test/e2e/workbench.test.ts; the old webviews are test/e2e/webviews.test.ts.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importReport, type PdfLib } from "../../src/import";
import { importText } from "../../src/import/messages";
import { MAX_PDF_MS } from "../../src/import/limits";
import { pdfjsMissing } from "../../src/pane/pdfjs";
import { TRANSFER_STRINGS } from "../../src/pane/transferStrings";
import { readSource } from "../../src/pane/transferModule";
import { FIXTURES } from "../helpers/paths";

const PDF = new Uint8Array(readFileSync(path.join(FIXTURES, "pdf", "2024-pingtan.export-libreoffice.pdf")));
const g = globalThis as unknown as { Worker?: unknown };

afterEach(() => {
  delete g.Worker;
  jest.useRealTimers();
});

test("without module workers a PDF gets the message naming .docx, .html, .txt and pasting, never 未能识别", async () => {
  expect(pdfjsMissing()).toContain("module Worker");
  const out = await readSource({ name: "年报.pdf", data: PDF });
  expect(out).toEqual({ ok: false, message: TRANSFER_STRINGS.pdfUnavailable, details: [] });
  expect(TRANSFER_STRINGS.pdfUnavailable).toMatch(/\.docx.*\.html.*\.txt.*粘贴/);
});

test("the feature test: a Worker that reads its options has module workers; one that ignores them has not", () => {
  // Both throw on the invalid URL, as browsers do; only the first converts its options before.
  g.Worker = function (url: string, options?: { type?: string }) {
    void options?.type;
    throw new SyntaxError(`invalid URL ${url}`);
  };
  expect(pdfjsMissing()).not.toContain("module Worker");
  g.Worker = function (url: string) {
    throw new SyntaxError(`invalid URL ${url}`);
  };
  expect(pdfjsMissing()).toContain("module Worker");
});

test("a read whose worker stops answering ends in the slow-file message, not a hang", async () => {
  jest.useFakeTimers({ doNotFake: ["nextTick", "setImmediate", "queueMicrotask"] });
  const silent: PdfLib = { getDocument: () => ({ promise: new Promise(() => undefined), destroy: async () => undefined }) };
  const pending = importReport({ name: "年报.pdf", data: PDF, pdf: async () => silent });
  await jest.advanceTimersByTimeAsync(MAX_PDF_MS);
  let settled = false;
  void pending.then(() => (settled = true));
  await jest.advanceTimersByTimeAsync(0);
  expect(settled).toBe(false); // the reader's own limit has not run out of grace yet
  await jest.advanceTimersByTimeAsync(10_000);
  const res = await pending;
  expect(res.recognised).toBe(false);
  expect(res.findings.map((f) => f.message)).toEqual([importText.pdfTooSlow()]);
});

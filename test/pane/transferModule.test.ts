/**
 * 导入报告 with a Word file in the pane: a damaged file is said to be damaged (the reader's own
 * finding), and only a reader that could not load is "此环境无法读取 .docx" — the rollup's list and
 * the import panel used to call a broken file unreadable by this environment.
 */
import { importText } from "../../src/import/messages";
import { TRANSFER_STRINGS } from "../../src/pane/transferStrings";

const BROKEN_DOCX = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("word/document.xml 这不是一个完整的 zip")]);

test("a damaged .docx: 未能识别为年报, with the finding that says the file is damaged", async () => {
  const { readSource } = await import("../../src/pane/transferModule");
  const out = await readSource({ name: "某局年报.docx", data: BROKEN_DOCX });
  expect(out.ok).toBe(false);
  if (out.ok) return;
  expect(out.message).toBe(TRANSFER_STRINGS.notReport);
  expect(out.message).not.toBe(TRANSFER_STRINGS.docxUnavailable);
  expect(out.details.join("")).toMatch(/损坏|不是有效|无法读取这个 Word 文件/);
});

test("a Word reader that cannot load: the environment is named, the file is not judged", async () => {
  await jest.isolateModulesAsync(async () => {
    jest.doMock("mammoth", () => {
      throw new Error("Loading chunk read-docx failed");
    });
    const { readSource } = await import("../../src/pane/transferModule");
    const { importReport } = await import("../../src/import");
    const { buildDocument } = await import("../../src/document/build");
    const { toDocx } = await import("../../src/document/docx");
    const { richReport } = await import("../document/support");
    const docx = await toDocx(buildDocument(richReport()));
    const direct = await importReport({ name: "x.docx", data: docx });
    expect(direct.unavailable).toBe(true);
    expect(direct.findings.map((f) => f.message)).toEqual([importText.docxUnavailable()]);
    expect(await readSource({ name: "某局年报.docx", data: docx })).toEqual({ ok: false, message: TRANSFER_STRINGS.docxUnavailable, details: [] });
  });
});

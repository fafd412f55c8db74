/**
 * 封面 fields are protected like cells (issue 13), against the fake Excel through the real
 * adapter: a 机关名称 corrected after an import survives 撤销 with "keep my later edits", and a
 * 机关名称 typed after the preview is not overwritten on confirm.
 */
import { confirmWrites, keyLabel, undoKeeping, type TransferPreview } from "../../src/workflow/transfer";
import { templateLayout, META_KEYS } from "../../src/template/layout";
import { fakeWithPort, type FakeSetup } from "../template/support";

const addr = (key: string) => templateLayout().cells.get(key)!.address;

/** A workbook with the template whose 机关名称 and 联系方式 are still empty. */
async function blankCover(): Promise<FakeSetup> {
  const s = await fakeWithPort();
  await s.port.insertTemplate({ year: 2024, agency: "" });
  await s.port.readReport();
  return s;
}

function importPreview(): TransferPreview {
  return {
    mode: "import",
    sourceLabel: "x",
    targetYear: 2024,
    insertFirst: null,
    plan: { fills: [{ key: "T3.R01.C1", label: "x", current: null, incoming: 4 }], conflicts: [], unchanged: 0, sectionFills: [], sectionConflicts: [], notes: [] },
    prefilled: [],
    drafts: [],
    priorFigures: null,
    previousPriorFigures: null,
    metaFills: [
      { field: "agency", value: "某某镇人民政府" },
      { field: "contact", value: "电话 0371-1234567" },
    ],
    findings: [],
    warnings: [],
  };
}

test("撤销 keeping later edits: the corrected 机关名称 stays, 联系方式 and the cell are undone", async () => {
  const { fake, port } = await blankCover();
  const { write, applied } = confirmWrites(importPreview(), new Set());
  expect((await port.writeInputs(write)).kind).toBe("written");
  let r = (await port.readReport()).report!;
  expect(r.meta.agency).toBe("某某镇人民政府");
  expect(r.meta.contact).toBe("电话 0371-1234567");

  fake.workbook.typeInto("封面", addr(META_KEYS.agency), "某某镇人民政府办公室"); // the clerk's correction
  const check = await port.writeInputs(applied.undo);
  expect(check).toMatchObject({ kind: "changed", changed: [META_KEYS.agency], written: 0 });
  expect(keyLabel(META_KEYS.agency)).toBe("机关名称");

  expect((await port.writeInputs(undoKeeping(applied.undo, check.kind === "changed" ? check.changed : []))).kind).toBe("written");
  r = (await port.readReport()).report!;
  expect(r.meta.agency).toBe("某某镇人民政府办公室");
  expect(r.meta.contact).toBeNull();
  expect(r.cells["T3.R01.C1"] ?? null).toBeNull();
});

test("a 机关名称 typed after the preview is not overwritten on confirm", async () => {
  const { fake, port } = await blankCover();
  const preview = importPreview();
  fake.workbook.typeInto("封面", addr(META_KEYS.agency), "某某街道办事处"); // typed after the preview
  const { write } = confirmWrites(preview, new Set());
  const out = await port.writeInputs(write);
  expect(out).toMatchObject({ kind: "changed", changed: [META_KEYS.agency], written: 0 });
  const r = (await port.readReport()).report!;
  expect(r.meta.agency).toBe("某某街道办事处");
  expect(r.meta.contact).toBeNull(); // nothing of the write happened
});

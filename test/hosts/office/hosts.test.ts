/**
 * The adapter under every host profile of the fake (office2019vl … web): what each Excel lacks
 * is missing, as in Excel, and the adapter detects it or falls back as documented (docs/hosts.md).
 */
import { createFakeExcel, FakeWorkbookModel, HOST_PROFILE_IDS, HOST_PROFILES, parseXlsx, type FakeExcel, type HostProfileId } from "../../../src/hosts/office/fake";
import type { FakeWorkbookSnapshot } from "../../../src/workbook/memory/model";
import { HostError } from "../../../src/workbook/hostErrors";
import { createOfficeWorkbook, type OfficeWorkbook } from "../../../src/hosts/office/officeWorkbook";
import { base64ToBytes } from "../../../src/template/base64";
import { templateLayout } from "../../../src/template/layout";
import { templateBase64 } from "../../template/support";

const layout = templateLayout();
const cell = (key: string) => layout.cells.get(key)!;
const atLeast = (id: HostProfileId, v: string) => createFakeExcel({ profile: id }).Office.context.requirements.isSetSupported("ExcelApi", v);

let opened: Promise<FakeWorkbookSnapshot> | null = null;

/**
 * A workbook that already holds the template (on every profile, even without insertion), with a
 * cold adapter: the first opened as a clerk would, the others built from its snapshot (the
 * workbook does not depend on the profile; FakeWorkbookModel.fromSnapshot costs about half).
 */
async function withTemplate(profile: HostProfileId, deps: { sleep?: (ms: number) => Promise<void>; cellEditWaitMs?: number } = {}) {
  const b64 = await templateBase64();
  let fake: FakeExcel;
  if (opened) fake = createFakeExcel({ profile, model: FakeWorkbookModel.fromSnapshot(await opened) });
  else {
    fake = createFakeExcel({ profile });
    const m = fake.workbook;
    opened = parseXlsx(base64ToBytes(b64)).then((seeds) => {
      m.importSheets(seeds, 1);
      return m.snapshot();
    });
    await opened;
  }
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64, ...deps });
  return { fake, port, b64 };
}

async function rejection(p: Promise<unknown>): Promise<HostError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(HostError);
    return e as HostError;
  }
  throw new Error("expected a rejection");
}

describe.each(HOST_PROFILE_IDS)("on %s", (profile) => {
  test("a read of a known workbook is one sync", async () => {
    const { fake, port } = await withTemplate(profile);
    await port.readReport();
    fake.resetCounters();
    const out = await port.readReport();
    expect(out.template).not.toBeNull();
    expect(fake.syncCount).toBe(1);
  });

  test("click-to-cell selects exactly the cells named (several areas from 1.18, else the first)", async () => {
    const { fake, port } = await withTemplate(profile);
    const keys = ["T3.R01.C2", "T3.R02.C2", "T3.R24.C2", "T3.R25.C2"];
    await port.select(keys);
    const sel = fake.workbook.selection!;
    expect(fake.workbook.activeSheet()!.name).toBe("表三");
    const r = (k: string) => ({ top: cell(k).row, left: cell(k).col, bottom: cell(k).row, right: cell(k).col });
    if (atLeast(profile, "1.18")) {
      expect(sel.areas).toEqual([
        { ...r("T3.R01.C2"), bottom: cell("T3.R02.C2").row },
        { ...r("T3.R24.C2"), bottom: cell("T3.R25.C2").row },
      ]);
    } else {
      expect(sel.rect).toEqual(r("T3.R01.C2"));
      expect(sel.areas).toBeUndefined();
    }
    // Adjacent cells are one rectangle on every host.
    await port.select(["T3.R01.C2", "T3.R02.C2"]);
    expect(fake.workbook.selection!.rect).toEqual({ ...r("T3.R01.C2"), bottom: cell("T3.R02.C2").row });
  });

  test("the clerk's edits are seen (collection onChanged from 1.9, per-sheet onChanged below)", async () => {
    const { fake, port } = await withTemplate(profile);
    await port.readReport();
    let calls = 0;
    const off = await port.onChanged(() => calls++);
    fake.workbook.typeInto("表三", cell("T3.R01.C1").address, "3");
    await fake.workbook.settle();
    expect(calls).toBe(1);
    fake.workbook.typeInto("Sheet1", "A1", "x"); // not a template sheet
    await fake.workbook.settle();
    expect(calls).toBe(1);
    await off();
    fake.workbook.typeInto("表三", cell("T3.R01.C1").address, "4");
    await fake.workbook.settle();
    expect(calls).toBe(1);
    expect(fake.workbook.handlerCount()).toBe(0);
  });

  test("a background read in cell-edit mode waits or retries quietly, then reads", async () => {
    const ref: { fake?: FakeExcel } = {};
    const sleeps: number[] = [];
    const setup = await withTemplate(profile, {
      sleep: async (ms) => {
        sleeps.push(ms);
        ref.fake!.workbook.endCellEdit(); // the clerk presses Enter during the first wait
      },
    });
    const fake = (ref.fake = setup.fake);
    await setup.port.readReport();
    fake.workbook.beginCellEdit();
    const read = setup.port.readReport();
    await new Promise((r) => setTimeout(r, 10));
    if (fake.workbook.cellEditing) fake.workbook.endCellEdit(); // delayForCellEdit: Excel waited
    const out = await read;
    expect(out.template).not.toBeNull();
    expect(out.heldWhileEditing).toBeUndefined();
    // Hosts that honour delayForCellEdit (assumed from 1.11) need no retry.
    expect(sleeps.length > 0).toBe(!atLeast(profile, "1.11"));
  });

  test("a read that stays in cell-edit mode keeps the last result", async () => {
    const { fake, port } = await withTemplate(profile, { sleep: async () => undefined, cellEditWaitMs: 1000 });
    const first = await port.readReport();
    fake.workbook.beginCellEdit();
    if (atLeast(profile, "1.11")) {
      // Excel itself waits: the read completes when the edit ends.
      const read = port.readReport();
      fake.workbook.endCellEdit();
      expect((await read).template).toEqual(first.template);
      return;
    }
    const out = await port.readReport();
    expect(out.heldWhileEditing).toBe(true);
    expect(out.report).toEqual(first.report);
  });

  test("user actions in cell-edit mode say 请先按 Enter 结束单元格编辑 and change nothing", async () => {
    const { fake, port } = await withTemplate(profile);
    await port.readReport();
    fake.workbook.beginCellEdit();
    const e1 = await rejection(port.select(["T3.R01.C1"]));
    expect(e1.kind).toBe("cellEdit");
    expect(e1.message).toContain("请先按 Enter 结束单元格编辑");
    const e2 = await rejection(port.writeInputs({ cells: { "T3.R01.C1": 5 } }));
    expect(e2.kind).toBe("cellEdit");
    fake.workbook.endCellEdit();
    expect((await port.readReport()).report!.cells["T3.R01.C1"]).not.toBe(5);
  });

  test("writes into merged 表二 value cells keep the merges (top-left cell only)", async () => {
    const { fake, port } = await withTemplate(profile);
    await port.readReport();
    const spanned = [...layout.cells.values()].filter((c) => c.role === "t2" && c.span > 1 && !c.computed);
    const pair = spanned.find((a) => spanned.some((b) => b.col === a.col && b.row === a.row + 1))!;
    const below = spanned.find((b) => b.col === pair.col && b.row === pair.row + 1)!;
    const t2 = fake.workbook.requireSheet("表二");
    const merges = t2.merges.length;
    const out = await port.writeInputs({ cells: { [pair.key]: 7, [below.key]: 8 } });
    expect(out.kind).toBe("written");
    expect(t2.merges).toHaveLength(merges);
    const r = (await port.readReport()).report!;
    expect([r.cells[pair.key], r.cells[below.key]]).toEqual([7, 8]);
  });

  test("each cause has its own message: a deleted sheet is not 'API missing' and vice versa", async () => {
    const { fake, port } = await withTemplate(profile);
    await port.readReport();
    fake.workbook.deleteSheet("表四");
    const gone = await rejection(port.select(["T4.C01"]));
    expect(gone.kind).toBe("sheetMissing");
    expect(gone.message).toContain("找不到");
  });
});

describe.each(HOST_PROFILE_IDS.filter((id) => atLeast(id, "1.13")))("insertion on %s", (profile) => {
  test("the insert syncs alone; when the web reports an error after inserting, the cover is still written", async () => {
    const fake = createFakeExcel({ profile });
    const b64 = await templateBase64();
    const port: OfficeWorkbook = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64 });
    fake.insertThenFail();
    const out = await port.insertTemplate({ year: 2024, agency: "某局" });
    expect(out.kind).toBe("inserted");
    const r = (await port.readReport()).report!;
    expect(r.meta.agency).toBe("某局");
    expect(fake.workbook.activeSheet()!.name).toBe("表三");
  });

  test("an insert that leaves only some sheets says which, instead of a blanket failure", async () => {
    const fake = createFakeExcel({ profile });
    const b64 = await templateBase64();
    const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64 });
    fake.insertThenFail();
    // Simulate a host that kept only part of the insertion: 表四 vanishes once it appears.
    let dropped = false;
    fake.workbook.subscribe(() => {
      if (!dropped && fake.workbook.sheet("表四")) {
        dropped = true;
        fake.workbook.deleteSheet("表四");
      }
    });
    const e = await rejection(port.insertTemplate({ year: 2024, agency: "某局" }));
    expect(e.message).toMatch(/^只插入了部分模板工作表（封面、正文、表二、表三、申请台账、复议诉讼台账）/);
    expect(e.message).not.toContain("插入模板失败");
  });

  test("an insert refused in cell-edit mode says nothing was inserted and why", async () => {
    const fake = createFakeExcel({ profile });
    const b64 = await templateBase64();
    const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64 });
    fake.workbook.beginCellEdit();
    const e = await rejection(port.insertTemplate({ year: 2024, agency: "某局" }));
    expect(e.kind).toBe("cellEdit");
    expect(e.message).toContain("请先按 Enter 结束单元格编辑");
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1"]);
  });
});

test("Office 2019 volume-licensed gets the template built through the API (test/hosts/office/apiTemplate.test.ts)", async () => {
  const fake = createFakeExcel({ profile: "office2019vl" });
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: templateBase64 });
  expect((await port.insertTemplate({ year: 2024, agency: "某局" })).kind).toBe("inserted");
  expect(HOST_PROFILES.office2019vl.webview).toBe("trident");
});

/**
 * The WPS adapter on the ET fake, mirroring test/hosts/office: insert never overwrites, reads every
 * input in few counted calls, writes all or nothing under the same rules, selects, and the
 * events drive re-validation.
 */
import { t3Key } from "../../../src/report";
import { parseRect } from "../../../src/template/address";
import { templateLayout, META_KEYS } from "../../../src/template/layout";
import { parseMarker } from "../../../src/template/marker";
import { SHEET_NAMES } from "../../../src/template/messages";
import { TEMPLATE_ROLES } from "../../../src/template/roles";
import { createWpsWorkbook, localPath } from "../../../src/hosts/wps/wpsWorkbook";
import { TEMPLATE_URL, templateSeeds, wpsWithPort, wpsWithTemplate } from "./support";

/** The template's sheets in order (v3: the five report sheets and the two registers). */
const BASE = TEMPLATE_ROLES.map((r) => SHEET_NAMES[r]);
/** Known workbook: Worksheets.Count and one Value2 per template sheet. */
const WARM_CALLS = 1 + BASE.length;
const layout = templateLayout();
const cellOf = (key: string) => parseRect(layout.cells.get(key)!.address);
const addr = (key: string) => layout.cells.get(key)!.address;
const k = t3Key("R01", "C1");

/** A workbook holding the template (a clone of one inserted once: see wpsWithTemplate). */
const inserted = wpsWithTemplate;

describe("insertTemplate", () => {
  test("copies the template sheets behind the clerk's, fills agency and year, activates 表三, closes the template", async () => {
    const { fake, port } = await wpsWithPort();
    fake.workbook.setCell("Sheet1", "A1", "用户自己的数据");
    const before = port.calls;
    fake.resetCalls();
    const out = await port.insertTemplate({ year: 2024, agency: "某某市司法局" });
    expect(out.kind).toBe("inserted");
    if (out.kind !== "inserted") return;
    expect(out.sheets).toEqual(BASE);
    expect(out.syncs).toBe(port.calls - before);
    expect(fake.calls).toBe(out.syncs); // every call the adapter made is counted, no more, no less
    const m = fake.workbook;
    expect(m.sheetNames()).toEqual(["Sheet1", ...BASE]);
    expect(m.activeSheet()!.name).toBe("表三");
    expect(m.value(m.sheet("Sheet1")!, 1, 1)).toBe("用户自己的数据");
    const meta = m.sheet("封面")!;
    const a = cellOf(META_KEYS.agency);
    const y = cellOf(META_KEYS.year);
    expect(m.value(meta, a.top, a.left)).toBe("某某市司法局");
    expect(m.value(meta, y.top, y.left)).toBe(2024);
    BASE.forEach((name, i) => expect(parseMarker(m.value(m.sheet(name)!, 1, 104))?.role).toBe(TEMPLATE_ROLES[i]));
    // The template workbook was closed again and its temporary file removed.
    expect(fake.Application.Workbooks.Count).toBe(1);
    // Totals are live formulas that reference the copied sheets, not the closed template.
    m.typeInto("表三", addr(k), "7");
    expect((await port.readReport()).report!.cells[k]).toBe(7);
    expect(m.sheet("表三")!.protected).toBe(true);
  });

  test("a template already there is not inserted again; a copy gets distinct names and its own set number", async () => {
    const { fake, port } = await inserted();
    expect((await port.insertTemplate({ year: 2024, agency: "x" })).kind).toBe("exists");
    const copy = await port.insertTemplate({ year: 2025, agency: "y", copy: true });
    expect(copy.kind).toBe("inserted");
    const m = fake.workbook;
    expect(m.sheetNames().slice(1 + BASE.length)).toEqual(BASE.map((n) => `${n} (2)`));
    expect(parseMarker(m.value(m.sheet("表三 (2)")!, 1, 104))?.set).toBe(2);
    expect(m.sheet("表三 (2)")!.protected).toBe(true);
    // The copy's formulas point at the copy: typing there changes the copy only.
    m.typeInto("表三 (2)", addr(k), "5");
    const read = await port.readReport();
    expect(read.template?.set).toBe(2); // the active sheet's copy
    expect(read.report!.cells[k]).toBe(5);
  });

  test("a sheet renamed to 表三 after the adapter looked: the template still gets free names", async () => {
    const { fake, port } = await wpsWithPort();
    await port.readReport();
    fake.workbook.renameSheet("Sheet1", "表三");
    const out = await port.insertTemplate({ year: 2024, agency: "" });
    expect(out.kind).toBe("inserted");
    expect(fake.workbook.sheetNames()).toEqual(["表三", ...BASE.map((n) => `${n} (2)`)]);
  });

  test("a sheet deleted and another added since the adapter looked (same count): rediscovered, inserted", async () => {
    const { fake, port } = await wpsWithPort();
    fake.workbook.addSheet("B");
    await port.readReport();
    fake.workbook.deleteSheet("B");
    fake.workbook.addSheet("C");
    expect((await port.insertTemplate({ year: 2024, agency: "" })).kind).toBe("inserted");
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", "C", ...BASE]);
  });

  test("a clerk's sheet named 表三 stays untouched", async () => {
    const { fake, port } = await wpsWithPort();
    fake.workbook.addSheet("表三");
    fake.workbook.setCell("表三", "D5", 999);
    await port.insertTemplate({ year: 2024, agency: "" });
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", "表三", ...BASE.map((n) => `${n} (2)`)]);
    expect(fake.workbook.value(fake.workbook.sheet("表三")!, 5, 4)).toBe(999);
  });

  test("no workbook open (the ribbon on WPS's start page): a new workbook is created for the template", async () => {
    const { fake, port } = await wpsWithPort();
    fake.Application.ActiveWorkbook!.Close(false);
    expect(fake.Application.ActiveWorkbook).toBeNull();
    const out = await port.insertTemplate({ year: 2024, agency: "" });
    expect(out.kind).toBe("inserted");
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", ...BASE]);
  });

  test("an offline add-in (file: pages) opens the package's own template and never deletes it", async () => {
    const { fake } = await wpsWithPort();
    expect(localPath("file:///C:/Users/x/AppData/Roaming/kingsoft/wps/jsaddons/xxgk-report_0.1.0/template/xxgk-template.xlsx")).toBe(
      "C:/Users/x/AppData/Roaming/kingsoft/wps/jsaddons/xxgk-report_0.1.0/template/xxgk-template.xlsx",
    );
    const file = "/home/x/.local/share/Kingsoft/wps/jsaddons/xxgk-report_0.1.0/template/xxgk-template.xlsx";
    expect(localPath(`file://${encodeURI(file)}`)).toBe(file);
    expect(localPath(TEMPLATE_URL)).toBeNull();
    fake.putFile(file, await templateSeeds());
    const port = createWpsWorkbook({ app: fake.Application, templateUrl: `file://${file}` });
    expect((await port.insertTemplate({ year: 2024, agency: "" })).kind).toBe("inserted");
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", ...BASE]);
    expect(fake.hasFile(file)).toBe(true);
  });

  test("the template cannot be downloaded: a plain error, the workbook unchanged", async () => {
    const { fake } = await wpsWithPort();
    const port = createWpsWorkbook({ app: fake.Application, templateUrl: "https://elsewhere.example/none.xlsx" });
    await expect(port.insertTemplate({ year: 2024, agency: "" })).rejects.toThrow(/未能从服务器取得模板文件/);
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1"]);
  });
});

describe("readReport", () => {
  test("a known workbook: Worksheets.Count and one Value2 per template sheet, nothing written", async () => {
    const { fake, port } = await inserted();
    fake.workbook.typeInto("表三", addr(k), "12");
    await port.readReport(); // first read creates the block ranges
    const writes = fake.workbook.writeCount;
    fake.resetCalls();
    const out = await port.readReport();
    expect(out.syncs).toBe(WARM_CALLS);
    expect(fake.calls).toBe(WARM_CALLS); // the fake's own count agrees with the adapter's
    expect(out.report!.cells[k]).toBe(12);
    expect(fake.workbook.writeCount).toBe(writes);
  });

  test("a cold adapter reads a workbook it has not seen; renames are followed; added or deleted sheets are noticed", async () => {
    const { fake } = await inserted();
    fake.workbook.typeInto("表三", addr(k), "3");
    const port = createWpsWorkbook({ app: fake.Application, templateUrl: TEMPLATE_URL });
    const cold = await port.readReport();
    expect(cold.report!.cells[k]).toBe(3);
    expect(cold.syncs).toBe(5 + 4 * (1 + BASE.length) + 2 * BASE.length); // ActiveWorkbook, Sheets, Count, ActiveSheet, Name; 4 per sheet; Range+Value2 per block

    fake.workbook.renameSheet("表三", "表三（本局）");
    fake.workbook.typeInto("表三（本局）", addr(k), "4");
    const renamed = await port.readReport();
    expect(renamed.syncs).toBe(WARM_CALLS);
    expect(renamed.report!.cells[k]).toBe(4);

    fake.workbook.addSheet("备注");
    const added = await port.readReport();
    expect(added.report!.cells[k]).toBe(4);
    expect(added.syncs).toBeGreaterThan(WARM_CALLS);

    fake.workbook.deleteSheet("表二");
    const deleted = await port.readReport();
    expect(deleted.findings.map((f) => f.rule)).toContain("TEMPLATE.SHEET_MISSING");
  });

  test("error values and dates typed into count cells reach the rules as text", async () => {
    const { fake, port } = await inserted();
    fake.workbook.typeInto("表三", addr(k), "2024/3/1");
    fake.workbook.setError("表三", addr(t3Key("R01", "C2")), "#REF!");
    const out = await port.readReport();
    expect(out.report!.cells[k]).toBe("2024-03-01");
    expect(out.report!.cells[t3Key("R01", "C2")]).toBe("#REF!");
  });

  test("no workbook template: a finding, not an error", async () => {
    const { port } = await wpsWithPort();
    const out = await port.readReport();
    expect(out.report).toBeNull();
    expect(out.findings[0]!.rule).toBe("TEMPLATE.NOT_FOUND");
  });

  test("another workbook activated: the adapter forgets and reads that one", async () => {
    const { fake, port } = await inserted();
    const off = await port.onActivated(() => undefined);
    await port.readReport();
    const other = fake.openWorkbook("其他.xlsx");
    await fake.settle();
    expect((await port.readReport()).report).toBeNull();
    expect(other.sheetNames()).toEqual(["Sheet1"]);
    await off();
  });
});

describe("writeInputs", () => {
  test("writes input cells, 正文 and the locked 上年数据 block, re-protects, reads back", async () => {
    const { fake, port } = await inserted();
    await port.readReport();
    const out = await port.writeInputs({
      cells: { [k]: 9, [t3Key("R01", "C2")]: "12" },
      sections: { S1: "第一段\n第二段" },
      meta: { contact: "张三 0371-1234567" },
      priorFigures: { year: 2023, cells: { "T3.R25.C1": 1 } },
    });
    expect(out.kind).toBe("written");
    const read = await port.readReport();
    expect(read.report!.cells[k]).toBe(9);
    expect(read.report!.cells[t3Key("R01", "C2")]).toBe("12"); // text stays text
    expect(read.report!.sections.S1?.text).toBe("第一段\n第二段");
    expect(read.report!.priorFigures).toMatchObject({ year: 2023, cells: { "T3.R25.C1": 1 } });
    expect(fake.workbook.sheet("封面")!.protected).toBe(true);
  });

  test("refuses totals, locked cells and formulas, and writes nothing", async () => {
    const { fake, port } = await inserted();
    await port.readReport();
    const total = [...layout.cells.values()].find((c) => c.computed && c.role === "t3")!;
    expect((await port.writeInputs({ cells: { [total.key]: 1 } })).kind).toBe("refused");

    // A formula typed into an input cell is not overwritten.
    fake.workbook.typeInto("表三", addr(k), "=1+1");
    const writes = fake.workbook.writeCount;
    const f = await port.writeInputs({ cells: { [k]: 5, [t3Key("R01", "C2")]: 6 } });
    expect(f.kind).toBe("refused");
    if (f.kind === "refused") expect(f.reason).toMatch(/公式/);
    expect(fake.workbook.writeCount).toBe(writes);

    // A cell locked by hand on the protected sheet.
    const ws = fake.Application.ActiveWorkbook!.Sheets.Item("表二");
    ws.Unprotect();
    ws.Range(addr("T2.R1.C1")).Locked = true;
    ws.Protect();
    const l = await port.writeInputs({ cells: { "T2.R1.C1": 1, [t3Key("R02", "C1")]: 2 } });
    expect(l.kind).toBe("refused");
    if (l.kind === "refused") expect(l.reason).toMatch(/锁定/);
    expect(fake.workbook.writeCount).toBe(writes);
  });

  test("封面 protected with a password: 上年数据 cannot be written, and nothing else is", async () => {
    const { fake, port } = await inserted();
    await port.readReport();
    const meta = fake.Application.ActiveWorkbook!.Sheets.Item("封面");
    meta.Unprotect();
    meta.Protect("secret");
    const writes = fake.workbook.writeCount;
    const out = await port.writeInputs({ cells: { [k]: 3 }, priorFigures: { year: 2023, cells: { "T3.R25.C1": 1 } } });
    expect(out.kind).toBe("refused");
    if (out.kind === "refused") expect(out.reason).toMatch(/保护密码/);
    expect(fake.workbook.writeCount).toBe(writes);
    expect(fake.workbook.sheet("封面")!.protected).toBe(true);
  });

  test("expect that no longer holds: changed, nothing written", async () => {
    const { fake, port } = await inserted();
    fake.workbook.typeInto("表三", addr(k), "8");
    await port.readReport();
    const out = await port.writeInputs({ cells: { [k]: null }, expect: { cells: { [k]: 5 } } });
    expect(out).toMatchObject({ kind: "changed", changed: [k] });
    expect((await port.readReport()).report!.cells[k]).toBe(8);
  });

  test("WPS refusing a write midway: the blocks already written are put back", async () => {
    const { fake, port } = await inserted();
    fake.workbook.typeInto("表三", addr(k), "8");
    await port.readReport();
    // A password set on 封面 after the check cannot happen between ET calls, so provoke the
    // midway failure the fake way: protect 表四 in the write phase by locking from a listener.
    const model = fake.workbook;
    const t4 = model.sheet("表四")!;
    const orig = model.assertWritable.bind(model);
    let n = 0;
    model.assertWritable = (s, r) => {
      if (s === t4 && ++n === 1) throw new Error("模拟：WPS 拒绝写入");
      orig(s, r);
    };
    const t4key = [...layout.cells.values()].find((c) => c.role === "t4" && !c.computed)!.key;
    const out = await port.writeInputs({ cells: { [k]: 1, [t4key]: 2 } });
    expect(out.kind).toBe("refused");
    if (out.kind === "refused") expect(out.reason).toMatch(/恢复原样/);
    model.assertWritable = orig;
    expect((await port.readReport()).report!.cells[k]).toBe(8);
  });
});

describe("select and events", () => {
  test("select activates the sheet of the first key and selects its cells", async () => {
    const { fake, port } = await inserted();
    await port.select([t3Key("R01", "C1"), t3Key("R02", "C1")]);
    const sel = fake.workbook.selection!;
    expect(fake.workbook.sheet(sel.sheetId)!.name).toBe("表三");
    // Exactly the cells named, as two areas (not the block between them).
    expect(sel.areas).toEqual([cellOf(t3Key("R01", "C1")), cellOf(t3Key("R02", "C1"))]);
    await port.select(["META.AGENCY"]);
    expect(fake.workbook.activeSheet()!.name).toBe("封面");
  });

  test("SheetChange on a template sheet calls the handler, on the clerk's own sheet not; unsubscribe removes the listeners", async () => {
    const { fake, port } = await inserted();
    await port.readReport();
    const seen: string[] = [];
    const off = await port.onChanged(() => seen.push("changed"));
    const offA = await port.onActivated(() => seen.push("activated"));
    fake.workbook.typeInto("表三", addr(k), "1");
    await fake.settle();
    fake.workbook.typeInto("Sheet1", "A1", "x");
    await fake.settle();
    fake.workbook.activate("表二");
    await fake.settle();
    expect(seen).toEqual(["changed", "activated"]);
    await off();
    await offA();
    expect(fake.listenerCount()).toBe(0);
  });
});

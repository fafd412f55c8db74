/** Host profiles of the fake: generated requirement-set map, missing members, isSetSupported. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateFromInstalled, OUTPUT } from "../../../scripts/gen-api-sets";
import { ApiGate, createFakeExcel, HOST_PROFILE_IDS, HOST_PROFILES } from "../../../src/hosts/office/fake";
import { PROJECT_ROOT } from "../../helpers/paths";

const root = PROJECT_ROOT;

test("the committed requirement-set map is what the generator makes from @types/office-js", () => {
  const committed = readFileSync(path.join(root, OUTPUT), "utf8");
  expect(generateFromInstalled(root)).toBe(committed);
});

test("the map carries the annotations the adapter depends on", () => {
  expect(ApiGate.requirement("Worksheet", "getRanges")).toBe("ExcelApi 1.9");
  expect(ApiGate.requirement("RangeAreas", "select")).toBe("ExcelApi 1.18");
  expect(ApiGate.requirement("WorksheetCollection", "onChanged")).toBe("ExcelApi 1.9");
  expect(ApiGate.requirement("Worksheet", "onChanged")).toBe("ExcelApi 1.7");
  expect(ApiGate.requirement("WorksheetChangedEventArgs", "triggerSource")).toBe("ExcelApi 1.14");
  expect(ApiGate.requirement("Workbook", "insertWorksheetsFromBase64")).toBe("ExcelApi 1.13");
  // "1.1 for get, 1.8 for set": the member exists from its first version.
  expect(ApiGate.requirement("Range", "values")).toBe("ExcelApi 1.1");
});

test.each(HOST_PROFILE_IDS)("isSetSupported, platform and diagnostics follow the %s profile", (id) => {
  const p = HOST_PROFILES[id];
  const fake = createFakeExcel({ profile: id });
  const req = fake.Office.context.requirements;
  const excel = p.apiSets.ExcelApi!;
  expect(req.isSetSupported("ExcelApi", excel)).toBe(true);
  const [major, minor] = excel.split(".").map(Number) as [number, number];
  expect(req.isSetSupported("ExcelApi", `${major}.${minor + 1}`)).toBe(false);
  expect(req.isSetSupported("ExcelApi")).toBe(true);
  expect(req.isSetSupported("OpenBrowserWindowApi", "1.1")).toBe(p.apiSets.OpenBrowserWindowApi !== undefined);
  expect(fake.Office.context.platform).toBe(p.platform);
  expect(fake.profile.webview).toBe(p.webview);
});

test("Office 2019 (ExcelApi 1.7) lacks getRanges, collection onChanged and insertion; keeps per-sheet onChanged", async () => {
  const fake = createFakeExcel({ profile: "office2019vl" });
  await fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    expect(ws.getRanges).toBeUndefined();
    expect(() => (ws as unknown as { getRanges: (a: string) => unknown }).getRanges("A1,B2")).toThrow(TypeError);
    expect("getRanges" in ws).toBe(false);
    expect(ctx.workbook.worksheets.onChanged).toBeUndefined();
    expect(ctx.workbook.worksheets.onActivated).toBeDefined();
    expect(ws.onChanged).toBeDefined();
    expect((ctx.workbook as unknown as { insertWorksheetsFromBase64?: unknown }).insertWorksheetsFromBase64).toBeUndefined();
    expect(typeof ws.getRangeByIndexes).toBe("function"); // 1.7
    expect(typeof ctx.workbook.worksheets.getCount).toBe("function"); // 1.4
    await ctx.sync();
  });
});

test("RangeAreas exists from 1.9 but its select only from 1.18", async () => {
  for (const [profile, select] of [["office2021", false], ["office2024", false], ["m365", true], ["web", true]] as const) {
    const fake = createFakeExcel({ profile });
    await fake.Excel.run(async (ctx) => {
      const areas = ctx.workbook.worksheets.getItem("Sheet1").getRanges("A1,C3");
      expect(typeof areas.select === "function").toBe(select);
      areas.load("areaCount");
      await ctx.sync();
      expect(areas.areaCount).toBe(2);
    });
  }
});

test("setting a property the host lacks fails the next sync with ApiNotFound", async () => {
  const fake = createFakeExcel({ profile: "office2019vl" });
  await expect(
    fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Sheet1");
      (ws as unknown as { tabColor: string }).tabColor = "#FF0000"; // Worksheet.tabColor is 1.7: fine
      (ws as unknown as { showGridlines: boolean }).showGridlines = false; // 1.8: missing
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: "ApiNotFound" });
});

test("event args carry only the fields of the host's sets (triggerSource from 1.14)", async () => {
  for (const [profile, hasTrigger] of [["office2019retail", false], ["office2021", true]] as const) {
    const fake = createFakeExcel({ profile });
    const seen: Record<string, unknown>[] = [];
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Sheet1").onChanged.add(async (e: unknown) => {
        seen.push(e as Record<string, unknown>);
      });
      await ctx.sync();
    });
    fake.workbook.typeInto("Sheet1", "A1", "1");
    await fake.workbook.settle();
    expect(seen).toHaveLength(1);
    expect("triggerSource" in seen[0]!).toBe(hasTrigger);
    expect(seen[0]!.address).toBe("A1");
  }
});

test("the workbench takes ?profile=, keeps ?api= as an alias, defaults to the web", async () => {
  const { workbenchHost } = await import("../../../src/workbench/profile");
  const q = (s: string) => workbenchHost(new URLSearchParams(s));
  expect(q("")).toEqual({ profile: "web" });
  expect(q("?profile=office2019vl")).toEqual({ profile: "office2019vl" });
  expect(q("?api=1.7&platform=PC")).toEqual({ profile: "office2019vl", platform: "PC" });
  expect(q("?api=1.14")).toEqual({ profile: "office2021" });
  expect(q("?api=1.12").apiSets?.ExcelApi).toBe("1.12");
  expect(q("?profile=nonsense").profile).toBe("web");
});

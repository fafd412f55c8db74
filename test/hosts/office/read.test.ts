/** readReport against the fake: one sync, no writes, the right findings for bad content. */
import { checkReport, type Finding } from "../../../src/report";
import { templateLayout } from "../../../src/template/layout";
import { TEMPLATE_ROLES } from "../../../src/template/roles";

const TEMPLATE_ROLES_COUNT = TEMPLATE_ROLES.length;
import type { HostProfileId } from "../../../src/hosts/office/fake";
import { fakeWithPort, fakeWithTemplate, PROFILES, type FakeSetup } from "../../template/support";

const addr = (key: string) => templateLayout().cells.get(key)!.address;

const inserted = (profile: HostProfileId): Promise<FakeSetup> => fakeWithTemplate(profile);

describe.each(PROFILES)("on %s", (profile) => {
  test("a known workbook is read in ONE sync with zero writes", async () => {
    const { fake, port } = await inserted(profile);
    fake.workbook.typeInto("表三", addr("T3.R03.C1"), "4");
    fake.workbook.typeInto("表三", addr("T3.R01.C1"), "4");
    fake.resetCounters();
    const out = await port.readReport();
    expect(out.syncs).toBe(1);
    expect(fake.syncCount).toBe(1);
    expect(fake.writeCount).toBe(0);
    expect(fake.uiCount).toBe(0);
    expect(out.report!.cells["T3.R24.C1"]).toBe(4); // the total formula, computed in the fake
    expect(out.report!.cells["T3.R01.C7"]).toBe(4);
    expect(out.report!.meta).toMatchObject({ agency: "某某镇人民政府", year: 2024, title: "某某镇人民政府2024年政府信息公开工作年度报告" });
  });

  test("a fresh adapter reads a workbook it has not seen in 3 syncs (list, markers, the template's ranges), still without writes", async () => {
    const { fake } = await inserted(profile);
    const { createOfficeWorkbook } = await import("../../../src/hosts/office/officeWorkbook");
    const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => "" });
    fake.resetCounters();
    const out = await port.readReport();
    expect(out.syncs).toBe(3);
    // Only the chosen template's ranges are read, never every sheet's: each response stays small.
    expect(Math.max(...fake.responseBytesPerSync)).toBeLessThan(100_000);
    expect(fake.writeCount).toBe(0);
    expect(out.template!.sheets.t4).toBe("表四");
    expect((await port.readReport()).syncs).toBe(1);
  });

  test("bad content: #REF!, text, booleans, full-width digits, dates, negatives, fractions", async () => {
    const { fake, port } = await inserted(profile);
    const m = fake.workbook;
    m.setError("表三", addr("T3.R05.C2"), "#REF!");
    m.setCell("表三", addr("T3.R06.C2"), "见附件");
    m.setCell("表三", addr("T3.R07.C2"), true);
    m.setCell("表三", addr("T3.R08.C2"), "１２");
    m.typeInto("表三", addr("T3.R09.C2"), "2024/1/5"); // typed: Excel makes it a date
    m.setCell("表四", addr("T4.C02"), -1);
    m.setCell("表四", addr("T4.C03"), 2.5);
    m.typeInto("表三", addr("T3.R10.C2"), "无");
    const out = await port.readReport();
    const f = checkReport(out.report!);
    const type = (key: string): Finding | undefined => f.find((x) => x.rule === "CELL.TYPE" && x.cells[0] === key);
    expect(type("T3.R05.C2")?.message).toContain("错误值“#REF!”");
    expect(type("T3.R06.C2")?.message).toContain("“见附件”不是数字");
    expect(type("T3.R07.C2")?.message).toContain("逻辑值“TRUE”");
    expect(type("T3.R08.C2")?.message).toContain("文本格式");
    expect(type("T3.R09.C2")?.message).toContain("“2024-01-05”不是数字");
    expect(type("T4.C02")?.message).toContain("负数");
    expect(type("T4.C03")?.message).toContain("不是整数");
    expect(f.find((x) => x.cells[0] === "T3.R10.C2")?.rule).toBe("CELL.BLANK");
    // The totals over the #REF! are errors too (SUM propagates it).
    expect(out.report!.cells["T3.R05.C7"]).toBe("#REF!");
  });

  test("renamed, added and deleted sheets", async () => {
    const { fake, port } = await inserted(profile);
    const m = fake.workbook;
    await port.readReport();
    m.renameSheet("表三", "申请情况");
    fake.resetCounters();
    const renamed = await port.readReport();
    expect(renamed.syncs).toBe(1);
    expect(renamed.template!.sheets.t3).toBe("申请情况");

    m.addSheet("草稿");
    const added = await port.readReport();
    // Stale count noticed in the same sync, then the list and the template's ranges (the other
    // markers are remembered; the new sheet's is read with the list).
    expect(added.syncs).toBe(3);
    expect(added.findings.filter((f) => f.severity !== "info")).toEqual([]);

    m.deleteSheet("表四");
    fake.resetCounters();
    const deleted = await port.readReport();
    expect(fake.writeCount).toBe(0);
    expect(deleted.findings.find((f) => f.rule === "TEMPLATE.SHEET_MISSING")?.message).toContain("未找到“表四”工作表");
    expect(deleted.report!.sections.S4).toBeNull();
    expect(deleted.template!.missing).toEqual(["t4"]);
  });

  test("no template: report null and a Chinese finding", async () => {
    const { port } = await fakeWithPort({ profile });
    const out = await port.readReport();
    expect(out.report).toBeNull();
    expect(out.template).toBeNull();
    expect(out.findings[0]!.message).toContain("未找到年报模板");
  });
});

test("on the web, a cold read whose texts would make a response over 5 MB is read again one table per sync", async () => {
  const { fake } = await inserted("web");
  const { createOfficeWorkbook } = await import("../../../src/hosts/office/officeWorkbook");
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => "" });
  const layout = templateLayout();
  const long = "某".repeat(28_000);
  // 正文 and 申请台账 each under 5 MB, together over it.
  const text = layout.readRects.text;
  fake.workbook.setCells("正文", Array.from({ length: 100 }, (_, i) => ({ address: `B${text.top + i}`, value: long })), { event: false });
  const apps = layout.readRects.apps;
  fake.workbook.setCells("申请台账", Array.from({ length: 90 }, (_, i) => ({ address: `B${apps.top + 1 + i}`, value: long })), { event: false });
  fake.resetCounters();
  const out = await port.readReport();
  expect(out.report).not.toBeNull();
  expect(out.report!.opening).toContain(long);
  const refused = fake.responseBytesPerSync.filter((b) => b > 5 * 1024 * 1024);
  expect(refused).toHaveLength(1);
  expect(fake.responseBytesPerSync.filter((b) => b <= 5 * 1024 * 1024).length).toBeGreaterThan(TEMPLATE_ROLES_COUNT);
});

import { checkReport, emptyReport, FORMATS, t3Key } from "../../src/report";
import { planImport, writesOf } from "../../src/workflow/importPlan";
import { rollForward } from "../../src/workflow/rollForward";
import { sampleReport } from "../support/reports";

describe("roll forward", () => {
  test("上年结转 comes from last year's 结转下年度, text carried, prior figures kept", () => {
    const prior = sampleReport(9);
    prior.meta.year = 2023;
    prior.opening = "本报告所列数据统计期限为2023年1月1日至12月31日。";
    const { report, prefilled, priorSnapshot } = rollForward(prior);
    expect(report.meta.year).toBe(2024);
    expect(report.meta.agency).toBe(prior.meta.agency);
    expect(report.opening).toBe("本报告所列数据统计期限为2024年1月1日至12月31日。");
    for (const col of FORMATS["2021"].table3.columns) {
      expect(report.cells[t3Key("R02", col.code)]).toBe(prior.cells[t3Key("R25", col.code)]);
    }
    expect(prefilled).toHaveLength(7);
    expect(report.cells["T3.R01.C1"]).toBeNull();
    expect(report.sections.S1?.text).toBe(prior.sections.S1?.text);
    expect(priorSnapshot["T2.R2.C3"]).toBe(prior.cells["T2.R2.C3"]);

    // The kept figures drive the cross-year check without last year's file.
    report.cells[t3Key("R02", "C1")] = (report.cells[t3Key("R02", "C1")] as number) + 1;
    const f = checkReport(report).filter((x) => x.rule === "PRIOR.CARRYOVER");
    expect(f.map((x) => x.cells)).toEqual([["T3.R02.C1"]]);
  });
});

describe("import plan", () => {
  const writable = (k: string) => !k.endsWith(".C7") && !k.startsWith("T3.R24.");

  test("fills empty cells, asks before changing non-empty ones, and can be undone", () => {
    const current = emptyReport("2021", { year: 2024 });
    current.cells["T3.R01.C1"] = 5;
    current.cells["T3.R03.C1"] = 7;
    const incoming = sampleReport(3);
    incoming.cells["T3.R03.C1"] = 7;
    const plan = planImport(current, incoming, writable);
    expect(plan.fills.some((c) => c.key === "T3.R01.C1")).toBe(false);
    expect(plan.conflicts.map((c) => c.key)).toContain("T3.R01.C1");
    expect(plan.fills.some((c) => c.key.endsWith(".C7"))).toBe(false);
    expect(plan.unchanged).toBeGreaterThanOrEqual(1);

    const none = writesOf(plan);
    expect(none.cells["T3.R01.C1"]).toBeUndefined();
    const all = writesOf(plan, new Set(["T3.R01.C1"]));
    expect(all.cells["T3.R01.C1"]).toBe(incoming.cells["T3.R01.C1"]);
    expect(all.undo.cells["T3.R01.C1"]).toBe(5);
    expect(all.undo.cells["T3.R02.C1"]).toBeNull();
  });

  test("a 2019-format source skips 表二 and maps 其他处理 to 3.其他", () => {
    const current = emptyReport("2021");
    const incoming = emptyReport("2019");
    incoming.cells["T2.R1.C1"] = 3;
    incoming.cells["T3.R21.C1"] = 4;
    const plan = planImport(current, incoming, writable);
    expect(plan.fills.map((c) => c.key)).toEqual(["T3.R23.C1"]);
    expect(plan.notes.length).toBe(2);
  });
});

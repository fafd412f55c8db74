/**
 * Messages a clerk meets outside the pane: a row pasted into one cell is named as several
 * numbers (never joined into one to "correct" it); an empty 机关名称 is a warning that says where
 * to type it.
 */
import { checkReport, interpret } from "../../src/report";
import { sampleReport } from "../support/reports";

test("several numbers in one cell: CELL.TYPE lists them and never suggests their concatenation", () => {
  const r = sampleReport(4);
  r.cells["T3.R01.C1"] = "200000 100000";
  const f = checkReport(r).find((x) => x.rule === "CELL.TYPE" && x.cells[0] === "T3.R01.C1")!;
  expect(f.message).toContain("多个数（200000、100000）");
  expect(f.message).toContain("分别填入");
  expect(f.message).not.toContain("200000100000");
  expect(f.message).not.toContain("请改为数字");
  expect(interpret("3\t0\t0", "count")).toEqual({ kind: "invalid", reason: "several" });
  expect(interpret("１２\u3000３", "count")).toEqual({ kind: "invalid", reason: "several" });
});

test("one number stored as text still gets its one-number hint", () => {
  const r = sampleReport(4);
  r.cells["T3.R01.C1"] = "１２ 件";
  const f = checkReport(r).find((x) => x.rule === "CELL.TYPE" && x.cells[0] === "T3.R01.C1")!;
  expect(f.message).toContain("请改为数字 12");
});

test("an empty 机关名称 is a warning naming where to type it", () => {
  const r = sampleReport(4);
  for (const agency of [null, "", "  "]) {
    r.meta.agency = agency;
    const f = checkReport(r).filter((x) => x.rule === "DOC.AGENCY");
    expect(f).toHaveLength(1);
    expect(f[0]!.severity).toBe("warning");
    expect(f[0]!.cells).toEqual(["META.AGENCY"]);
    expect(f[0]!.message).toContain("“封面”工作表的“机关名称”");
  }
  r.meta.agency = "某某区人民政府办公室";
  expect(checkReport(r).filter((x) => x.rule === "DOC.AGENCY")).toEqual([]);
});

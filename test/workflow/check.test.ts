import { checkReport, emptyReport, type Finding, type Report, type RuleId } from "../../src/report";
import { checkRules, mergeFindings } from "../../src/workflow/check";
import { appGrid } from "../ledger/support";

const f = (rule: string, cells: string[], message = rule): Finding => ({ rule: rule as RuleId, severity: "error", cells, message });

describe("workflow check (the pane and the CLI both call it)", () => {
  test("the reader's findings first, without one the rules also found", () => {
    const read = [f("IMPORT.UNPLACED", []), f("CELL.TYPE", ["T3.R01.C1"], "reader")];
    const rules = [f("CELL.TYPE", ["T3.R01.C1"], "rule"), f("T3.SUM", ["T3.R01.C8"])];
    expect(mergeFindings(read, rules).map((x) => x.message)).toEqual(["IMPORT.UNPLACED", "rule", "T3.SUM"]);
  });

  test("no blank-cell warning on a cell the reader already said is missing", () => {
    const read = [{ ...f("IMPORT.MISSING", ["T3.R21.C1", "T3.R22.C1"]), severity: "warning" as const }];
    const rules = [f("CELL.BLANK", ["T3.R21.C1"]), f("CELL.BLANK", ["T3.R05.C1"]), f("T3.SUM", ["T3.R21.C1"])];
    expect(mergeFindings(read, rules).map((x) => `${x.rule} ${x.cells.join()}`)).toEqual([
      "IMPORT.MISSING T3.R21.C1,T3.R22.C1",
      "CELL.BLANK T3.R05.C1",
      "T3.SUM T3.R21.C1",
    ]);
  });

  test("a workbook with a register is also checked against it (LEDGER.*); the plain rules stay as they are", () => {
    const plain = emptyReport("2021", { year: 2025, agency: "某局" });
    const withRegister: Report = {
      ...plain,
      registers: { applications: { name: "申请台账", firstLine: 1, rows: appGrid([{ received: "2025-03-03", type: "自然人" }]) }, cases: null },
    };
    expect(checkRules(plain)).toEqual(checkReport(plain));
    const ledger = checkRules(withRegister).filter((x) => x.rule.startsWith("LEDGER."));
    expect(ledger.length).toBeGreaterThan(0);
    expect(checkReport(withRegister).some((x) => x.rule.startsWith("LEDGER."))).toBe(false);
  });
});

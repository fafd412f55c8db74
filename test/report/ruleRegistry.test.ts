/** The rule registry: typed ids, one title each, findings naming registered rules only. */
import { checkReport, emptyReport, RULE_IDS, ruleTitle, type Finding } from "../../src/report";
import { findingSchema } from "../../src/report/schema";

describe("the rule registry", () => {
  it("gives every rule one title, the register's rules included", () => {
    for (const id of RULE_IDS) expect(ruleTitle(id)).toMatch(/\S/);
    expect(RULE_IDS).toEqual(expect.arrayContaining(["T3.BALANCE", "LEDGER.MATCH", "LEDGER.DEADLINE", "TEMPLATE.NOT_FOUND", "EXPORT.GLYPH"]));
  });

  it("refuses a finding whose rule is not registered", () => {
    const finding = { rule: "T3.BALANCES", severity: "error", cells: [], message: "x" };
    expect(() => findingSchema.parse(finding)).toThrow();
    // @ts-expect-error a misspelt id does not compile
    const typed: Finding = { ...finding, severity: "error" };
    expect(typed.rule).toBe("T3.BALANCES");
  });

  it("names only registered rules in what checkReport finds", () => {
    const findings = checkReport(emptyReport("2021"));
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(RULE_IDS).toContain(f.rule);
  });
});

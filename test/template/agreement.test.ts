/**
 * The template's check formulas and src/report's checkReport agree, rule instance by rule
 * instance, on many random tables — consistent ones, inconsistent ones (perturbed inputs, totals
 * typed over the formulas) and ones holding bad content. The formulas are evaluated by
 * HyperFormula inside the fake Excel; the report is read back through the Office.js adapter.
 */
import fc from "fast-check";
import { checkReport, interpret, cellInfo, sumRules, type Finding, type RawCell } from "../../src/report";
import { templateDesign, templateLayout } from "../../src/template/layout";
import { CHECK_STATE_CHAR } from "../../src/template/messages";
import type { FakeCellEntry } from "../../src/hosts/office/fake";
import { consistentReport, seedsArb } from "../support/reports";
import { fakeWithPort, type FakeSetup } from "./support";

let setup: FakeSetup;

beforeAll(async () => {
  setup = await fakeWithPort();
  const r = await setup.port.insertTemplate({ year: 2024, agency: "测试机关" });
  expect(r.kind).toBe("inserted");
});

type Bad = { kind: "value"; value: RawCell } | { kind: "error"; error: string };
const badArb: fc.Arbitrary<Bad> = fc.oneof(
  fc.constantFrom<RawCell>("/", "无", " — ", "", "abc", "12", "１２", "12件", -3, 1.5, true, 2e12).map((value) => ({ kind: "value" as const, value })),
  fc.constant({ kind: "error" as const, error: "#REF!" }),
);

const tableKeys = [...templateLayout().cells.values()].filter((c) => c.role === "t3" || c.role === "t4");
const inputKeys = tableKeys.filter((c) => !c.computed).map((c) => c.key);
const totalKeys = tableKeys.filter((c) => c.computed).map((c) => c.key);

const caseArb = fc.record({
  seeds: seedsArb,
  /** Inputs nudged away from consistency. */
  nudges: fc.array(fc.record({ key: fc.constantFrom(...inputKeys), delta: fc.integer({ min: -5, max: 5 }) }), { maxLength: 4 }),
  /** Totals typed over the formula (as a clerk who lifted the protection would). */
  overrides: fc.array(fc.record({ key: fc.constantFrom(...totalKeys), delta: fc.integer({ min: -3, max: 3 }) }), { maxLength: 3 }),
  bad: fc.array(fc.record({ key: fc.constantFrom(...inputKeys), bad: badArb }), { maxLength: 3 }),
});

const design = templateDesign();
const formulaOf = new Map([...design.t3.values, ...design.t4.values].filter((v) => v.formula).map((v) => [v.key, v.formula!]));

type State = "ok" | "fail" | "invalid";
const stateOf = (shown: unknown): State => {
  const ch = String(shown).charAt(0);
  if (ch === CHECK_STATE_CHAR.ok) return "ok";
  if (ch === CHECK_STATE_CHAR.fail) return "fail";
  if (ch === CHECK_STATE_CHAR.invalid) return "invalid";
  throw new Error(`unexpected check cell "${String(shown)}"`);
};

test("check cells give checkReport's verdict for every rule instance", async () => {
  const { fake, port } = setup;
  const model = fake.workbook;
  const rules = sumRules("2021");
  let failing = 0;
  let invalid = 0;
  await fc.assert(
    fc.asyncProperty(caseArb, async (c) => {
      const r = consistentReport(c.seeds);
      for (const n of c.nudges) r.cells[n.key] = Math.max(0, (r.cells[n.key] as number) + n.delta);
      const entries: Record<"t3" | "t4", FakeCellEntry[]> = { t3: [], t4: [] };
      const byKey = new Map<string, FakeCellEntry>();
      for (const loc of tableKeys) {
        const f = formulaOf.get(loc.key);
        byKey.set(loc.key, f ? { address: loc.address, formula: f } : { address: loc.address, value: r.cells[loc.key] as number });
      }
      for (const o of c.overrides) byKey.set(o.key, { address: templateLayout().cells.get(o.key)!.address, value: Math.max(0, (r.cells[o.key] as number) + o.delta) });
      for (const b of c.bad) {
        const address = templateLayout().cells.get(b.key)!.address;
        byKey.set(b.key, b.bad.kind === "error" ? { address, error: b.bad.error } : { address, value: b.bad.value as string | number | boolean | null });
      }
      for (const loc of tableKeys) entries[loc.role as "t3" | "t4"].push(byKey.get(loc.key)!);
      model.setCells("表三", entries.t3, { event: false });
      model.setCells("表四", entries.t4, { event: false });

      fake.resetCounters();
      const read = await port.readReport();
      expect(read.syncs).toBe(1);
      expect(fake.writeCount).toBe(0);
      const findings = checkReport(read.report!);

      for (const [i, rule] of rules.entries()) {
        const check = [...design.t3.checks, ...design.t4.checks].find((x) => x.ruleIndex === i)!;
        const role = rule.table === 3 ? "表三" : "表四";
        const shown = model.value(model.sheet(role)!, check.rect.top, check.rect.left);
        const terms = [...rule.parts, ...rule.total].map((t) => t.key);
        const finding = findings.find((f: Finding) => f.rule === rule.id && f.cells.length === terms.length && terms.every((k) => f.cells.includes(k)));
        const anyInvalid = terms.some((k) => interpret(read.report!.cells[k], cellInfo(k)!.type).kind === "invalid");
        const expected: State = finding ? "fail" : anyInvalid ? "invalid" : "ok";
        const got = stateOf(shown);
        if (got !== expected) throw new Error(`${rule.id} ${rule.scope}: template "${String(shown)}", checkReport ${expected}`);
        if (finding) {
          expect(String(shown)).toBe(`✗ 差 ${Math.abs((finding.expected ?? 0) - (finding.actual ?? 0))}`);
          failing++;
        }
        if (got === "invalid") invalid++;
      }
    }),
    { numRuns: 150, seed: 20240601 },
  );
  // The generator really produced every kind of verdict.
  expect(failing).toBeGreaterThan(50);
  expect(invalid).toBeGreaterThan(50);
});

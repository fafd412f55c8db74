/**
 * Clerks' words (src/ledger/clerkWords.ts) and the one deadline engine:
 *  - any register written in clerks' words counts to the same 表三 as its canonical form;
 *  - a row with an answer date is never open (未答复, 已逾期, 即将到期), whatever its 办理结果 says;
 *  - a word maps to one choice only; applicant types are guessed from names, and only from names.
 */
import fc from "fast-check";
import { APPLICANT_TYPES, OUTCOMES, countRegister, isoOf, parseApplications, registerDeadlines, dayOfIso } from "../../src/ledger";
import { APPLICANT_WORDS, OUTCOME_WORDS, guessApplicantType } from "../../src/ledger/clerkWords";
import { looseKey } from "../../src/import/labels";
import { HEADERS, arbRegister } from "./support";

const Y = 2025;
const label = (choices: readonly { code: string; label: string }[], code: string) => choices.find((c) => c.code === code)!.label;

function grid(rows: { received: number; type: string; answered: number | null; outcome: string | null; extended: boolean }[]) {
  return [HEADERS, ...rows.map((r, i) => [String(i + 1), isoOf(r.received), r.type, `申请人${i}`, "x", null, r.extended ? "是" : "否", r.answered === null ? null : isoOf(r.answered), r.outcome, null])];
}

describe("clerks' words", () => {
  test("a register in clerks' words counts to the same 表三 as its canonical form", () => {
    fc.assert(
      fc.property(arbRegister(Y), fc.infiniteStream(fc.nat()), (apps, picks) => {
        const pick = (words: readonly string[], canonical: string) => {
          const all = [canonical, ...words];
          return all[picks.next().value % all.length]!;
        };
        const rows = (clerk: boolean) =>
          apps.map((a) => ({
            received: a.received!,
            extended: a.extended,
            answered: a.answered,
            type: clerk ? pick(APPLICANT_WORDS[a.applicantType!] ?? [], label(APPLICANT_TYPES, a.applicantType!)) : label(APPLICANT_TYPES, a.applicantType!),
            outcome: a.outcome === null ? null : clerk ? pick(OUTCOME_WORDS[a.outcome] ?? [], label(OUTCOMES, a.outcome)) : label(OUTCOMES, a.outcome),
          }));
        const canon = parseApplications({ name: "台账", rows: grid(rows(false)), firstLine: 1 }, { year: Y });
        const clerk = parseApplications({ name: "台账", rows: grid(rows(true)), firstLine: 1 }, { year: Y });
        expect(clerk.findings).toEqual(canon.findings);
        expect(countRegister(clerk.rows, [], Y).cells).toEqual(countRegister(canon.rows, [], Y).cells);
      }),
      { numRuns: 60 },
    );
  });

  test("every word names one choice, and none is a label of another choice", () => {
    for (const [words, choices] of [
      [APPLICANT_WORDS, APPLICANT_TYPES],
      [OUTCOME_WORDS, OUTCOMES],
    ] as const) {
      const seen = new Map<string, string>();
      for (const c of choices) seen.set(looseKey(c.label), c.code);
      for (const [code, list] of Object.entries(words)) {
        expect(choices.some((c) => c.code === code)).toBe(true);
        for (const w of list) {
          const k = looseKey(w);
          expect([w, seen.get(k) ?? code]).toEqual([w, code]);
          seen.set(k, code);
        }
      }
    }
  });

  test("applicant types are guessed from the name's ending; anyone else is a natural person, by default", () => {
    expect(guessApplicantType("北京某某科技有限公司")).toEqual({ code: "C2", by: "name" });
    expect(guessApplicantType("某某律师事务所")).toEqual({ code: "C5", by: "name" });
    expect(guessApplicantType("中国科学院某某研究所")).toEqual({ code: "C3", by: "name" });
    expect(guessApplicantType("某某规划研究院")).toEqual({ code: "C3", by: "name" });
    expect(guessApplicantType("某某公益基金会")).toEqual({ code: "C4", by: "name" });
    expect(guessApplicantType("某市房地产业协会")).toEqual({ code: "C4", by: "name" });
    expect(guessApplicantType("张三")).toEqual({ code: "C1", by: "default" });
    expect(guessApplicantType("公司职员李四（代理）")).toEqual({ code: "C1", by: "default" });
    expect(guessApplicantType(null)).toEqual({ code: "C1", by: "default" });
  });
});

test("on the template's own sheet a value read through clerks' words is said once, with what to write", () => {
  const g = grid([0, 1, 2].map((i) => ({ received: dayOfIso("2025-03-03") + i, type: i === 1 ? "自然人" : "个人", answered: null, outcome: null, extended: false })));
  const onSheet = parseApplications({ name: "申请台账", rows: g, firstLine: 2 }, { year: Y, templateSheet: true });
  expect(onSheet.findings).toEqual([
    {
      rule: "LEDGER.NOTE",
      severity: "info",
      cells: ["LEDGER.APP.3", "LEDGER.APP.5"],
      message: "申请台账第 3、5 行的申请人类型写作“个人”，已按“自然人”统计；表内“台账汇总”只认下拉列表的写法，请改为“自然人”，两边才一致。",
    },
  ]);
  // A clerk's own file has no 台账汇总: nothing to say.
  expect(parseApplications({ name: "x.csv", rows: g, firstLine: 1 }, { year: Y }).findings).toEqual([]);
});

describe("one deadline engine", () => {
  test("a row with an answer date is never open, whatever its 办理结果 says", () => {
    const outcome = fc.oneof(fc.constantFrom(...OUTCOMES.map((o) => o.label), "已电话答复", "已办结", "", "?"), fc.string());
    fc.assert(
      fc.property(
        fc.array(fc.record({ received: fc.integer({ min: dayOfIso("2024-01-01"), max: dayOfIso("2025-12-31") }), after: fc.integer({ min: 0, max: 200 }), outcome, type: fc.constantFrom("自然人", "个人", "外籍人士") }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: dayOfIso("2024-01-01"), max: dayOfIso("2027-12-31") }),
        (rows, today) => {
          const g = grid(rows.map((r) => ({ received: r.received, type: r.type, answered: r.received + r.after, outcome: r.outcome, extended: false })));
          const p = parseApplications({ name: "台账", rows: g, firstLine: 1 }, { year: 2025 });
          for (const { state } of registerDeadlines(p.rows.length ? { applications: p.rows } : { applications: [] }, today)) {
            expect(["onTime", "answeredLate"]).toContain(state.kind);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

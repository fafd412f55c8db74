/** Building register grids and random registers for the ledger tests. */
import fc from "fast-check";
import { APP_COLUMNS, APPLICANT_TYPES, OUTCOMES, dayOf, isoOf, type Application } from "../../src/ledger";

export const HEADERS = APP_COLUMNS.map((c) => c.title);

export interface AppInput {
  id?: string;
  received: string | null;
  type: string | null;
  applicant?: string;
  corrected?: string | null;
  extended?: boolean;
  answered?: string | null;
  outcome?: string | null;
}

/** A 申请台账 grid (header + rows) as the sheet holds it. */
export function appGrid(rows: AppInput[]): (string | number | null)[][] {
  return [
    HEADERS,
    ...rows.map((r, i) => [
      r.id ?? `A${i + 1}`,
      r.received,
      r.type,
      r.applicant ?? `申请人${i + 1}`,
      "某项信息",
      r.corrected ?? null,
      r.extended ? "是" : "否",
      r.answered ?? null,
      r.outcome ?? null,
      null,
    ]),
  ];
}

/** A random valid application around `year` (received Y-1 … Y+1, answered after receipt or not). */
export function arbApplication(year: number): fc.Arbitrary<Application> {
  const start = dayOf(year - 1, 1, 1)!;
  const span = 2 * 365 + 200; // answers stay within the sensible range (end of Y + 1)
  return fc
    .record({
      received: fc.integer({ min: start, max: start + span }),
      answerAfter: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
      type: fc.constantFrom(...APPLICANT_TYPES.map((t) => t.code)),
      outcome: fc.constantFrom(...OUTCOMES.map((o) => o.code)),
      extended: fc.boolean(),
    })
    .map((r) => ({
      line: 0,
      id: null,
      received: r.received,
      applicantType: r.type,
      applicant: null,
      corrected: null,
      extended: r.extended,
      answered: r.answerAfter === null ? null : r.received + r.answerAfter,
      outcome: r.answerAfter === null ? null : r.outcome,
      excluded: false,
    }));
}

export function arbRegister(year: number): fc.Arbitrary<Application[]> {
  return fc.array(arbApplication(year), { maxLength: 200 }).map((rows) => rows.map((r, i) => ({ ...r, line: i + 2, id: String(i + 1) })));
}

export const iso = isoOf;

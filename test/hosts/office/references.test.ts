/** Moving a conditional format's formula across its range (src/workbook/memory/references.ts). */
import { shiftReferences } from "../../../src/workbook/memory/references";

test.each([
  ["AD5=1", 2, 3, "AG7=1"],
  ["$AD5=1", 2, 3, "$AD7=1"],
  ["AD$5=1", 2, 3, "AG$5=1"],
  ['LEFT(K5,1)="✗"', 1, 0, 'LEFT(K6,1)="✗"'],
  ['OR(L3="已逾期",L3="A1")', 4, 0, 'OR(L7="已逾期",L7="A1")'],
  ["'表三'!D5+LOG10(D5)", 1, 1, "'表三'!E6+LOG10(E6)"],
  ["A1", -1, 0, "#REF!"],
  ["SUM(A1:B2)", 0, 26, "SUM(AA1:AB2)"],
])("%s moved by (%i, %i) is %s", (formula, rows, cols, expected) => {
  expect(shiftReferences(formula, rows, cols)).toBe(expected);
});

/** Roving tabindex arithmetic: toolbar wraps, the findings list stops at its ends, Home/End. */
import { rovingTarget } from "../../src/pane/roving";

test.each([
  ["ArrowRight", 0, 6, "horizontal", 1],
  ["ArrowRight", 5, 6, "horizontal", 0],
  ["ArrowLeft", 0, 6, "horizontal", 5],
  ["ArrowDown", 0, 6, "horizontal", null],
  ["ArrowDown", 2, 4, "vertical", 3],
  ["ArrowDown", 3, 4, "vertical", 3],
  ["ArrowUp", 0, 4, "vertical", 0],
  ["ArrowUp", 3, 4, "vertical", 2],
  ["Home", 3, 4, "vertical", 0],
  ["End", 0, 4, "vertical", 3],
  ["ArrowRight", 1, 4, "vertical", null],
  ["Tab", 1, 4, "vertical", null],
  ["End", 0, 0, "vertical", null],
] as const)("%s from %i of %i (%s) → %p", (key, i, n, o, want) => {
  expect(rovingTarget(key, i, n, o)).toBe(want);
});

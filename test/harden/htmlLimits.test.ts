/**
 * The HTML bounds in process: the HTML table model (rowspan="0" to the end of its row group,
 * colspan ≤ 1000), and markup that would make the parser or the pre-scan quadratic.
 */
import { parse, type HTMLElement } from "node-html-parser";
import { importReport } from "../../src/import";
import { tableGrid } from "../../src/import/htmlGrid";
import { markupOverLimits, withoutComments } from "../../src/import/limits";

const table = (html: string) => parse(html).querySelector("table") as HTMLElement;

test('rowspan="0" reaches to the end of its row group, not of the table', () => {
  const g = tableGrid(table('<table><tbody><tr><td rowspan="0">a</td><td>1</td></tr><tr><td>2</td></tr></tbody><tbody><tr><td>b</td><td>3</td></tr></tbody></table>'));
  expect(g).toEqual([
    ["a", "1"],
    ["", "2"],
    ["b", "3"],
  ]);
});

test('colspan is capped at the table model\'s 1000 and the grid at 200 columns; colspan="0" is 1', () => {
  const g = tableGrid(table('<table><tr><td colspan="0">a</td><td colspan="99999">b</td></tr></table>'));
  expect(g[0]![0]).toBe("a");
  expect(g[0]![1]).toBe("b");
  expect(g[0]).toHaveLength(200);
});

test.each([
  ["350 000 unclosed comments", () => "<!--".repeat(350_000)],
  ["700 000 unterminated tags", () => "<a".repeat(700_000)],
  ["175 000 unterminated attributes", () => "<div a='".repeat(175_000)],
  ["250 000 void elements", () => "<br/>".repeat(250_000)],
])("%s: read or refused within seconds, never an internal error", async (_what, make) => {
  const html = `<html>${make()}`;
  const start = Date.now();
  const r = await importReport({ name: "x.html", data: html });
  expect(Date.now() - start).toBeLessThan(10_000);
  expect(r.recognised).toBe(false);
  expect(r.findings[0]!.message).not.toContain("意外错误");
});

test("comments are removed in one pass; an unclosed one runs to the end", () => {
  expect(withoutComments("a<!-- x -->b<!-- y")).toBe("ab");
  expect(markupOverLimits("<div>".repeat(401))).toBe("depth");
  expect(markupOverLimits("<p>".repeat(1000))).toBeNull(); // <p><p> are siblings, not nesting
  expect(markupOverLimits(`<script>${"<div>".repeat(1000)}</script>`)).toBeNull();
});

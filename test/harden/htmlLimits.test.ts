/**
 * The HTML bounds in process: the HTML table model (rowspan="0" to the end of its row group,
 * colspan ≤ 1000), and markup that would make the parser or the pre-scan quadratic.
 */
import { parse, type HTMLElement } from "node-html-parser";
import { importReport } from "../../src/import";
import { tableGrid } from "../../src/import/htmlGrid";
import { boundMarkup } from "../../src/import/markup";

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

const over = (html: string) => {
  try {
    boundMarkup(html);
    return null;
  } catch (e) {
    return (e as { what?: string }).what ?? "other";
  }
};

test("depth and elements are judged on the tree the parser builds: case, _ in names, mismatched closes", () => {
  expect(over("<div>".repeat(401))).toBe("depth");
  expect(over("<p>".repeat(1000))).toBeNull(); // <p><p> are siblings, not nesting
  expect(over(`<script>${"<div>".repeat(1000)}</script>`)).toBeNull();
  // The bypasses of the old pre-check: closing tags that close nothing nest the next element.
  expect(over("<x_a></x_b>".repeat(401))).toBe("depth");
  expect(over("<DIV></div>".repeat(5000))).toBeNull(); // HTML closes case-insensitively: siblings
  expect(over("<a-b></a-c>".repeat(401))).toBe("depth");
  expect(over("<div></span>".repeat(401))).toBe("depth");
});

test("what node-html-parser gets is balanced, and it builds exactly the tree that was bounded", () => {
  const shapes = ["<DIV></div>", "<x_a></x_b>", "<P>a<div>b</P>", "<td><tr><TH>x", "<b><div>", "<li>1<li>2", "<table><tr><td>1<td>2</table>", "<o:p>x</o:P>", "<a href='x>y'>t</a>", "a < b && c", '<br/><img src="x"/><hr>', "<title>a<b>c</title>", "<TEXTAREA>x</textarea>"];
  for (const shape of shapes) {
    const { html, depth } = boundMarkup(`<html><body>${shape.repeat(30)}</body></html>`);
    const root = parse(html, { comment: false, lowerCaseTagName: false, blockTextElements: {} });
    // The parser's tree, written out again, is the markup it was given: nothing re-nested.
    expect(root.toString()).toBe(html);
    const deepest = (n: HTMLElement): number => 1 + Math.max(0, ...n.childNodes.filter((c): c is HTMLElement => c.nodeType === 1).map(deepest));
    expect(deepest(root) - 1).toBe(depth);
  }
});

test("comments, doctype, scripts and styles are dropped; text and entities kept", () => {
  const { html } = boundMarkup('<!DOCTYPE html><!-- x --><p>a &amp; b<script>if (a<b) x="</p>"</script><style>p{}</style></p><!-- y');
  expect(html).toBe("<p>a &amp; b</p>");
  expect(boundMarkup("<p>1 < 2</p>").html).toBe("<p>1 &lt; 2</p>");
  expect(boundMarkup('<td ROWSPAN=2 class="x" colspan="3">').html).toBe('<td rowspan="2" colspan="3"></td>');
});

test("the pass has a time bound", () => {
  let t = 0;
  const clock = () => (t += 6000);
  expect(() => boundMarkup("<br>".repeat(10_000), clock)).toThrow(expect.objectContaining({ what: "time" }));
});

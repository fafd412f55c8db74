/**
 * pdfmake's style lookup sped up (src/document/styleLookupNode.ts) gives pdfmake's own answers: on
 * stacks of every kind (named styles that extend others, overrides, inlines with named styles), and
 * in whole PDFs of real reports, which come out the same bytes (but for the creation time).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { buildDocument } from "../../src/document/build";
import { loadFontsFromDir } from "../../src/document/fontsNode";
import { toPdf } from "../../src/document/pdf";
import { installFastStyleLookup } from "../../src/document/styleLookupNode";
import { importReport } from "../../src/import";
import type { Report } from "../../src/report";
import { FIXTURES } from "../helpers/paths";
import { richReport, seedReport } from "./support";

type Style = Record<string, unknown>;
interface Stack {
  styleOverrides: Array<string | Style>;
  getProperty(p: string): unknown;
}
interface StackClass {
  new (dict: Record<string, Style>, defaultStyle?: Style): Stack;
  getStyleProperty(item: unknown, stack: Stack | null, property: string, defaultValue: unknown): unknown;
}
/** The class this test's pdfmake uses (jest's module registry): the one toPdf below draws with. */
const StyleContextStack = (require("pdfmake/js/StyleContextStack") as { default: StackClass }).default;
const original = { lookup: StyleContextStack.getStyleProperty, get: StyleContextStack.prototype.getProperty };

const PROPS = ["font", "fontSize", "bold", "alignment", "lineHeight"];
const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(false), fc.constant(0), fc.constant("a"), fc.integer({ min: 1, max: 30 }));
const style = fc.dictionary(fc.constantFrom(...PROPS), value, { maxKeys: 3 });
const NAMES = ["s1", "s2", "s3", "missing"];
const named = fc.record({
  s1: style,
  s2: fc.tuple(style, fc.constantFrom("s1", "s3", "missing")).map(([s, e]) => ({ ...s, extends: e })),
  s3: fc.tuple(style, fc.constantFrom("s2", "s1")).map(([s, e]) => ({ ...s, extends: [e, "s1"] })),
});
const entry = fc.oneof(fc.constantFrom(...NAMES), style);
const item = fc.oneof(
  fc.constant("plain text"),
  style,
  fc.tuple(style, fc.constantFrom(...NAMES)).map(([s, n]) => ({ ...s, style: n })),
  fc.tuple(style, fc.array(fc.constantFrom(...NAMES), { maxLength: 2 })).map(([s, n]) => ({ ...s, style: n })),
  style.map((s) => ({ ...s, section: "x", style: "s1" })),
);

function answers(dict: Record<string, Style>, overrides: Array<string | Style>, it: unknown, def: Style): unknown[] {
  const stack = new StyleContextStack(dict, def);
  overrides.forEach((o) => stack.styleOverrides.push(o));
  const out = PROPS.flatMap((p) => [StyleContextStack.getStyleProperty(it, stack, p, "default"), stack.getProperty(p)]);
  out.push(stack.styleOverrides.length, StyleContextStack.getStyleProperty(it, null, "font", "none"));
  return out;
}

async function fixture(name: string): Promise<Report> {
  return (await importReport({ name, data: new Uint8Array(readFileSync(path.join(FIXTURES, name))) })).report;
}
const REPORTS: Array<[string, () => Promise<Report>]> = [
  ["sanmenxia-2023 (.txt)", () => fixture("2023-sanmenxia-hubin-qianjin.txt")],
  ["pingtan-2024 (.html)", () => fixture("real/2024-pingtan-zonghe-shiyanqu.html")],
  ["every cell filled", async () => richReport()],
  ["the seed report", async () => seedReport()],
];
const withoutTime = (pdf: Uint8Array) =>
  Buffer.from(pdf)
    .toString("latin1")
    .replace(/\(D:\d+Z\)/, "")
    .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");

describe("before and after installing the fast lookup", () => {
  let stacks: Array<[Record<string, Style>, Array<string | Style>, unknown, Style]>;
  const before: unknown[][] = [];
  const pdfs: string[] = [];

  beforeAll(async () => {
    stacks = fc.sample(fc.tuple(named, fc.array(entry, { maxLength: 6 }), item, style), { numRuns: 400, seed: 23 });
    for (const [d, o, it, def] of stacks) before.push(answers(d, o, it, def));
    const fonts = await loadFontsFromDir();
    for (const [, report] of REPORTS) pdfs.push(withoutTime(await toPdf(buildDocument(await report()), fonts)));
    installFastStyleLookup(StyleContextStack as never);
    installFastStyleLookup(StyleContextStack as never); // twice: installed once
  });

  test("it is installed, once", () => {
    expect(StyleContextStack.getStyleProperty).not.toBe(original.lookup);
    expect(StyleContextStack.prototype.getProperty).not.toBe(original.get);
  });

  test("every lookup on 400 random stacks answers as pdfmake's own", () => {
    stacks.forEach(([d, o, it, def], i) => expect([i, answers(d, o, it, def)]).toEqual([i, before[i]]));
  });

  test.each(REPORTS.map(([name], i) => [name, i] as const))("the PDF of %s is the same", async (_name, i) => {
    const fonts = await loadFontsFromDir();
    expect(withoutTime(await toPdf(buildDocument(await REPORTS[i]![1]()), fonts)) === pdfs[i]).toBe(true);
  });
});

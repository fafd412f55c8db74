/**
 * The importers and rules under random input (issue 13): text, HTML, raw bytes and zip
 * containers, mutated from a real report or made from nothing. For every case:
 *   · nothing throws, and no reader falls back to its "unexpected error" message;
 *   · the same input gives the same result twice (determinism);
 *   · a consistent report, exported to HTML and read back, has no error.
 *   · every case ends within CASE_BUDGET_MS (a reader that goes quadratic or walks a million
 *     empty rows is a failure, not a slow run).
 * Issue 25 added shapes at the sizes that broke the readers: markup the parser re-nests, register
 * CSV (a 32 MB field, a million rows, 10⁵ findings or equal 编号), register .xlsx with a cell at
 * row 1 048 576 per sheet and Word files of 470 000 paragraphs; `scale` shrinks them for jest.
 * Seeded (fast-check's generator), so a failure is reproduced by its seed and index. Used by
 * `npm run fuzz -- --seed N --count M` (scripts/fuzz.ts) and, small, by jest.
 */
import fc from "fast-check";
import { zipSync, strToU8 } from "fflate";
import { checkReport, type Report } from "../../src/report";
import { importReport } from "../../src/import";
import { importText } from "../../src/import/messages";
import { readWorkbook } from "../../src/template/read";
import { buildTemplate } from "../../src/template/build";
import { exportReport } from "../../src/document/exportReport";
import { loadRegisterFile, registerFindings } from "../../src/ledger";
import { consistentReport, seedsArb } from "../../test/support/reports";
import { badDateRow, docxParagraphs, farCellXlsx, longFieldCsv, MARKUP_SHAPES, markupRepeat, registerCsv, sameIdRow } from "../../test/harden/hostile";

export type CaseKind = "text" | "html" | "bytes" | "zip" | "xlsx" | "consistent" | "markup" | "csv" | "register" | "word";

/** Longest one case may take to read, twice over (the determinism check): far past any bound's cost. */
export const CASE_BUDGET_MS = 10_000;

export interface FuzzCase {
  kind: CaseKind;
  name: string;
  data: string | Uint8Array;
  /** For "consistent": the report the input was exported from. */
  report?: Report;
  /** Big inputs are built when their case runs, not when the cases are drawn (all at once). */
  build?: () => string | Uint8Array;
}

export interface FuzzFailure {
  index: number;
  kind: CaseKind;
  problem: string;
  /** The first bytes of the input, to look at. */
  sample: string;
}

const TAGS = ["<div>", "</div>", "<table>", "</table>", "<tr>", "<td>", '<td rowspan="0">', '<td colspan="0">', '<td rowspan="65534" colspan="1000">', "<p>", "<br>", "<script>", "</td>", "<span>", "<!--", "-->", "<![CDATA[", "&nbsp;", "&#0;", "\u0000"];
const TEXTS = ["一、总体情况", "表三", "本年新收政府信息公开申请数量", "\t", "\t1\t2", "１２", "1 2", "0.0000001", "=cmd|' /C calc'!A0", "—", "/", "-3", "1e400", "\n", "\r\n", "\uFEFF", "\u2028", "\u202e", "年度报告"];

/** Random edits of a base string: insertions of markup and report words, deletions, duplication. */
const mutated = (base: string): fc.Arbitrary<string> =>
  fc
    .array(
      fc.record({
        op: fc.constantFrom("insert", "delete", "repeat", "replace"),
        at: fc.nat(),
        len: fc.nat({ max: 200 }),
        piece: fc.oneof(fc.constantFrom(...TAGS, ...TEXTS), fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 10 })),
        times: fc.integer({ min: 1, max: 50 }),
      }),
      { maxLength: 8 },
    )
    .map((edits) => {
      let s = base;
      for (const e of edits) {
        const at = s.length ? e.at % s.length : 0;
        if (e.op === "insert") s = s.slice(0, at) + e.piece + s.slice(at);
        else if (e.op === "delete") s = s.slice(0, at) + s.slice(at + e.len);
        else if (e.op === "repeat") s = s.slice(0, at) + e.piece.repeat(e.times) + s.slice(at);
        else s = s.slice(0, at) + e.piece + s.slice(at + Math.min(e.len, 5));
      }
      return s;
    });

const bytesFrom = (base: Uint8Array): fc.Arbitrary<Uint8Array> =>
  fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), { maxLength: 20 }).chain((flips) =>
    fc.nat({ max: base.length }).map((cut) => {
      const out = base.slice(0, Math.max(4, cut || base.length));
      for (const f of flips) out[f.at % out.length]! ^= f.xor;
      return out;
    }),
  );

const ZIP_NAMES = ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "word/media/a.png", "../evil.xml", "a/".repeat(30) + "x.xml"];

const zipArb: fc.Arbitrary<Uint8Array> = fc
  .array(fc.record({ name: fc.oneof(fc.constantFrom(...ZIP_NAMES), fc.string({ minLength: 1, maxLength: 30 })), body: fc.oneof(mutated("<w:document><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>"), fc.string()), level: fc.constantFrom(0, 6) as fc.Arbitrary<0 | 6> }), { maxLength: 6 })
  .map((files) => {
    const z: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
    for (const f of files) z[f.name] = [strToU8(f.body), { level: f.level }];
    try {
      return zipSync(z);
    } catch {
      return new Uint8Array([0x50, 0x4b, 0x03, 0x04]);
    }
  });

export interface FuzzBases {
  text: string;
  html: string;
  xlsx: Uint8Array;
}

/** What the generators start from: the real seed report (text and exported HTML), the template. */
export async function loadBases(seedText: string): Promise<FuzzBases> {
  const imported = await importReport({ name: "seed.txt", data: seedText });
  const html = await exportReport(imported.report, "html", { confirmErrors: true });
  if (html.status !== "ok") throw new Error("cannot export the seed report");
  return { text: seedText, html: new TextDecoder().decode(html.file.bytes), xlsx: await buildTemplate() };
}

/** The sizes that broke a reader, then small ones, times `scale` (fast-check favours the first). */
const sizes = (scale: number, ...full: number[]) => fc.constantFrom(...full.map((n) => Math.max(1, Math.round(n * scale))));

/** Register CSVs: random small ones, and the shapes of issue 25 at `scale`. */
const csvArb = (scale: number): fc.Arbitrary<() => string> =>
  fc.oneof(
    sizes(scale, 40 << 20, 16 << 20, 1000).map((n) => () => longFieldCsv(n)),
    sizes(scale, 1_200_000, 70_000, 100).map((n) => () => registerCsv(n, badDateRow)),
    sizes(scale, 100_000, 100).map((n) => () => registerCsv(n, sameIdRow)),
    mutated(registerCsv(20, (i) => (i % 2 ? badDateRow(i) : sameIdRow()))).map((s) => () => s),
  );
const lazy = (kind: CaseKind, name: string, build: () => string | Uint8Array): FuzzCase => ({ kind, name, data: "", build });

export function caseArb(b: FuzzBases, scale = 1, kinds?: readonly CaseKind[]): fc.Arbitrary<FuzzCase> {
  const all: Record<CaseKind, () => fc.Arbitrary<FuzzCase>> = {
    markup: () => fc.tuple(fc.constantFrom(...MARKUP_SHAPES), sizes(scale, 200_000, 40_000, 1000)).map(([shape, n]) => lazy("markup", "x.html", () => markupRepeat(shape, n))),
    csv: () => csvArb(scale).map((build) => lazy("csv", "x.csv", build)),
    register: () => fc.tuple(fc.constantFrom(50, 4, 1), fc.boolean()).map(([sheets, header]) => lazy("register", "x.xlsx", () => farCellXlsx(sheets, header))),
    word: () => sizes(scale, 470_000, 100).map((n) => lazy("word", "x.docx", () => docxParagraphs(n))),
    text: () => mutated(b.text).map((data): FuzzCase => ({ kind: "text", name: "x.txt", data })),
    html: () => mutated(b.html).map((data): FuzzCase => ({ kind: "html", name: "x.html", data })),
    bytes: () => fc.oneof(fc.uint8Array({ maxLength: 3000 }), bytesFrom(strToU8(b.html))).map((data): FuzzCase => ({ kind: "bytes", name: "x.html", data })),
    zip: () => zipArb.map((data): FuzzCase => ({ kind: "zip", name: "x.docx", data })),
    xlsx: () => bytesFrom(b.xlsx).map((data): FuzzCase => ({ kind: "xlsx", name: "x.xlsx", data })),
    consistent: () => seedsArb.map((s): FuzzCase => ({ kind: "consistent", name: "x.html", data: "", report: consistentReport(s) })),
  };
  const chosen = (Object.keys(all) as CaseKind[]).filter((k) => !kinds || kinds.includes(k));
  return fc.oneof(...chosen.map((k) => all[k]()));
}

/** One case's observable result (compared for determinism). */
async function observe(c: FuzzCase): Promise<{ text: string; problems: string[] }> {
  const problems: string[] = [];
  if (c.kind === "csv" || c.kind === "register") {
    const bytes = typeof c.data === "string" ? strToU8(c.data) : c.data;
    const r = await loadRegisterFile(c.kind === "csv" ? "csv" : "xlsx", bytes, c.name, { year: 2025 });
    if ("error" in r) return { text: r.error, problems };
    // A fixed today: deadlines are part of what is compared.
    const rows = registerFindings(r.register, 2025, { today: 20_200 });
    return { text: JSON.stringify([r.findings.length, rows.length, r.findings.slice(0, 50), rows.slice(0, 50)]), problems };
  }
  if (c.kind === "xlsx") {
    const r = await readWorkbook(c.data as Uint8Array);
    const findings = r.report ? checkReport(r.report) : [];
    return { text: JSON.stringify([r.report, r.findings, findings]), problems };
  }
  let data = c.data;
  if (c.kind === "consistent") {
    const html = await exportReport(c.report!, "html");
    if (html.status !== "ok") return { text: "", problems: [`export refused: ${html.status}`] };
    data = html.file.bytes;
  }
  const r = await importReport({ name: c.name, data });
  if (r.findings.some((f) => f.message === importText.internalError())) problems.push("internal error in the importer");
  const findings = checkReport(r.report);
  if (c.kind === "consistent") {
    const errors = [...r.findings, ...findings].filter((f) => f.severity === "error");
    if (errors.length) problems.push(`consistent report read back with errors: ${errors.map((f) => `${f.rule} ${f.message}`).join("; ").slice(0, 400)}`);
  }
  return { text: JSON.stringify([r, findings]), problems };
}

const show = (c: FuzzCase) => (typeof c.data === "string" ? JSON.stringify(c.data.slice(0, 120)) : Buffer.from(c.data.subarray(0, 60)).toString("hex"));

export async function runFuzz(
  bases: FuzzBases,
  opts: { seed: number; count: number; scale?: number; kinds?: readonly CaseKind[]; onProgress?: (done: number) => void; onFailure?: (f: FuzzFailure) => void },
): Promise<{ cases: number; byKind: Record<string, number>; failures: FuzzFailure[] }> {
  const cases = fc.sample(caseArb(bases, opts.scale ?? 1, opts.kinds), { seed: opts.seed, numRuns: opts.count });
  const found: FuzzFailure[] = [];
  // Said as found: a case past its budget may be followed by one that exhausts the heap.
  const failures = { push: (f: FuzzFailure) => (found.push(f), opts.onFailure?.(f)) };
  const byKind: Record<string, number> = {};
  for (const [index, drawn] of cases.entries()) {
    const c = drawn.build ? { ...drawn, data: drawn.build() } : drawn;
    byKind[c.kind] = (byKind[c.kind] ?? 0) + 1;
    try {
      const start = Date.now();
      const a = await observe(c);
      const b = await observe(c);
      const ms = Date.now() - start;
      if (ms > CASE_BUDGET_MS) failures.push({ index, kind: c.kind, problem: `took ${ms} ms (budget ${CASE_BUDGET_MS} ms)`, sample: show(c) });
      for (const p of a.problems) failures.push({ index, kind: c.kind, problem: p, sample: show(c) });
      if (a.text !== b.text) failures.push({ index, kind: c.kind, problem: "not deterministic", sample: show(c) });
    } catch (e) {
      failures.push({ index, kind: c.kind, problem: `threw: ${e instanceof Error ? (e.stack ?? e.message).slice(0, 500) : String(e)}`, sample: show(c) });
    }
    opts.onProgress?.(index + 1);
  }
  return { cases: cases.length, byKind, failures: found };
}

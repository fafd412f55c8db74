/**
 * importReport never throws: garbage text, random bytes, mutations of the seed, other file types.
 * It always returns a report that passes the schema, and says in a finding when it found nothing.
 */
import fc from "fast-check";
import { findingSchema, reportSchema } from "../../src/report/schema";
import { importReport, type ImportResult } from "../../src/import";
import { importText } from "../../src/import/messages";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FIXTURES } from "../helpers/paths";
import { readSeed } from "./support/layout";

const seed = readSeed();

function valid(res: ImportResult): void {
  // importReport catches everything; an internal error here would be a bug it hid.
  expect(res.findings.map((f) => f.message)).not.toContain(importText.internalError());
  reportSchema.parse(res.report);
  for (const f of res.findings) findingSchema.parse(f);
  expect(res.report.format).toBe(res.format);
  if (!res.recognised) expect(res.findings.some((f) => f.severity === "error")).toBe(true);
}

describe("unrecognised input", () => {
  test.each([
    ["empty file", "a.txt", new Uint8Array()],
    ["blank text", "a.txt", "  \n\t\n"],
    ["prose", "a.txt", "今天天气很好。\n我们去公园散步。"],
    ["random HTML", "a.html", "<html><body><h1>通知</h1><p>放假安排</p><table><tr><td>1</td></tr></table></body></html>"],
    ["PDF", "a.pdf", new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37])],
    ["old Word .doc", "a.doc", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0])],
    ["binary", "a.bin", new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 7) % 32))],
  ])("%s → recognised: false with a Chinese finding", async (_name, name, data) => {
    const res = await importReport({ name, data });
    expect(res.recognised).toBe(false);
    valid(res);
    expect(res.findings[0]!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test("an Excel workbook is pointed elsewhere", async () => {
    const bytes = new TextEncoder().encode("PK\u0003\u0004....[Content_Types].xml xl/workbook.xml");
    const res = await importReport({ name: "a.xlsx", data: bytes });
    expect(res.recognised).toBe(false);
    expect(res.findings[0]!.message).toContain("Excel");
  });

  test("a huge single line is fast and harmless", async () => {
    const line = "一、总体情况".repeat(200_000) + "\t0".repeat(50_000);
    const t = Date.now();
    const res = await importReport({ name: "huge.txt", data: line });
    valid(res);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  test("a huge colspan and rowspan are bounded", async () => {
    const html = `<table><tr><td colspan="99999999" rowspan="99999">自然人</td><td>总计</td></tr><tr><td>1</td></tr></table>`;
    valid(await importReport({ name: "a.html", data: html }));
  });
});

describe("property: never throws, always a valid report", () => {
  test("random strings as text and as HTML", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 300 }), fc.constantFrom("x.txt", "x.html", "x.md", ""), async (s, name) => {
        valid(await importReport({ name, data: s }));
      }),
      { numRuns: 150 },
    );
  });

  test("random byte arrays under any extension", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom("x.txt", "x.html", "x.docx", "x"), async (bytes, name) => {
        valid(await importReport({ name, data: bytes }));
      }),
      { numRuns: 150 },
    );
  });

  test("bytes that start like a zip", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        const data = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]);
        valid(await importReport({ name: "x.docx", data }));
      }),
      { numRuns: 40 },
    );
  });

  type Mutation =
    | { kind: "delete"; at: number; len: number }
    | { kind: "insert"; at: number; text: string }
    | { kind: "swapLines"; a: number; b: number };

  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), len: fc.integer({ min: 1, max: 200 }) }),
    fc.record({
      kind: fc.constant("insert" as const),
      at: fc.nat(),
      text: fc.oneof(fc.constantFrom("\t", "\n", "\t\t", "/", "无", "１２", "元", "（", "）", "一、", "<br>", "|"), fc.string({ maxLength: 8 })),
    }),
    fc.record({ kind: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
  );

  function mutate(text: string, ms: Mutation[]): string {
    let s = text;
    for (const m of ms) {
      if (m.kind === "delete") {
        const at = m.at % (s.length + 1);
        s = s.slice(0, at) + s.slice(at + m.len);
      } else if (m.kind === "insert") {
        const at = m.at % (s.length + 1);
        s = s.slice(0, at) + m.text + s.slice(at);
      } else {
        const lines = s.split("\n");
        const a = m.a % lines.length;
        const b = m.b % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        s = lines.join("\n");
      }
    }
    return s;
  }

  test("random mutations of the seed text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 12 }), async (ms) => {
        valid(await importReport({ name: "seed.txt", data: mutate(seed, ms) }));
      }),
      { numRuns: 200 },
    );
  });

  test("random cuts and insertions in a real portal page", async () => {
    const page = readFileSync(path.join(FIXTURES, "real", "2024-pingtan-zonghe-shiyanqu.html"), "utf8");
    const htmlBits = fc.constantFrom("<table>", "</table>", "<tr>", "<td rowspan=\"3\">", "<td colspan=\"0\">", "</td>", "<br>", "<p>", "&nbsp;", "<script>", "<!--");
    const htmlMutation: fc.Arbitrary<Mutation> = fc.oneof(mutation, fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: htmlBits }));
    await fc.assert(
      fc.asyncProperty(fc.array(htmlMutation, { minLength: 1, maxLength: 8 }), async (ms) => {
        valid(await importReport({ name: "page.html", data: mutate(page, ms) }));
      }),
      { numRuns: 30 },
    );
  });
});

describe("choosing the reader", () => {
  test.each([
    ["a.txt", readSeed(), "text"],
    ["a.html", readSeed(), "text"],
    ["a.md", `<table><tr><td>x</td></tr></table>`, "html"],
    ["noext", "<!DOCTYPE html><html><body><p>x</p></body></html>", "html"],
    ["a.htm", "<p>一、总体情况</p>", "html"],
  ])("%s → %s reader", async (name, data, input) => {
    const res = await importReport({ name, data });
    expect(res.input).toBe(input);
  });

  test("UTF-16 text with a byte order mark (Windows Notepad “Unicode”)", async () => {
    const text = readSeed();
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const res = await importReport({ name: "a.txt", data: bytes });
    expect(res.recognised).toBe(true);
    expect(res.report.cells["T4.C10"]).toBe(1);
  });
});

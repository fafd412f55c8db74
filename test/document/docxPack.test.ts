/**
 * The CLI's Word speed-ups (src/document/docxZipNode.ts, docxAttributesNode.ts) give docx's own
 * parts: the attributes object of every payload shape, the zip's parts in docx's order with the
 * same bytes, for real reports; the zip itself checked by Info-ZIP's `unzip -t`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { buildDocument } from "../../src/document/build";
import { toDocx } from "../../src/document/docx";
import { attributesOf, installFastDocxAttributes } from "../../src/document/docxAttributesNode";
import { installNativeDocxZip, zipParts } from "../../src/document/docxZipNode";
import { importReport } from "../../src/import";
import type { Report } from "../../src/report";
import { FIXTURES } from "../helpers/paths";
import { richReport, seedReport } from "./support";

type Payload = Record<string, { key: string; value: unknown }>;
/** The class this test's docx uses (jest's module registry): the one toDocx below writes with. */
const docx = require("docx") as {
  NextAttributeComponent: new (p: Payload) => { prepForXml(c: unknown): { _attr: Record<string, unknown> } };
};
const originalPrep = docx.NextAttributeComponent.prototype.prepForXml;

/** Keys, in order, with values: what the XML writer iterates (Object.entries). */
const shape = (o: object) => JSON.stringify(Object.entries(o)) + JSON.stringify(Object.getOwnPropertyNames(o)) + String(Object.getPrototypeOf(o) === Object.prototype);

test("attributesOf gives NextAttributeComponent's attributes for any payload", () => {
  const key = fc.oneof(fc.constantFrom("w:val", "w:eastAsia", "w:ascii", "__proto__", "constructor", "2", "10", "w:hint"), fc.string({ maxLength: 4 }));
  const value = fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant(0), fc.constant(false), fc.constant(""), fc.integer(), fc.string({ maxLength: 6 }));
  const payload = fc.dictionary(fc.string({ maxLength: 5 }), fc.record({ key, value }), { maxKeys: 8 });
  fc.assert(
    fc.property(payload, (p) => {
      const theirs = originalPrep.call(new docx.NextAttributeComponent(p), {})._attr;
      expect(shape(attributesOf(p))).toBe(shape(theirs));
    }),
    { numRuns: 2000, seed: 23 },
  );
});

const FIXTURE_REPORTS = ["2023-sanmenxia-hubin-qianjin.txt"];
async function reports(): Promise<Array<[string, Report]>> {
  const real = await Promise.all(
    FIXTURE_REPORTS.map(async (f) => [f, (await importReport({ name: f, data: new Uint8Array(readFileSync(path.join(FIXTURES, f))) })).report] as [string, Report]),
  );
  return [["seed", seedReport()], ["rich", richReport()], ...real];
}

/** The parts of a .docx in zip order, docProps/core.xml's times left out (they are the clock's). */
function parts(bytes: Uint8Array): Array<[string, string]> {
  return Object.entries(unzipSync(bytes)).map(([name, b]) => [name, strFromU8(b).replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, "<dcterms:$1><")]);
}

test("with both speed-ups installed, toDocx writes docx's parts in docx's order, and unzip finds the zip sound", async () => {
  const docs = (await reports()).map(([name, r]) => [name, buildDocument(r)] as const);
  const before = await Promise.all(docs.map(async ([, d]) => toDocx(d)));
  installNativeDocxZip();
  installFastDocxAttributes();
  installNativeDocxZip(); // twice: no second wrapper
  expect(docx.NextAttributeComponent.prototype.prepForXml).not.toBe(originalPrep);
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-docx-pack-"));
  for (const [i, [name, d]] of docs.entries()) {
    const after = await toDocx(d);
    expect([name, parts(after)]).toEqual([name, parts(before[i]!)]);
    // Compressed (the report's XML is ~97 % repetition), not stored.
    expect(after.byteLength).toBeLessThan(before[i]!.byteLength * 1.2);
    const file = path.join(dir, `${i}.docx`);
    writeFileSync(file, after);
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toMatch(/No errors detected/);
  }
}, 60_000);

test("zipParts keeps the order, stores what does not compress, and writes empty parts", () => {
  let x = 23;
  const random = new Uint8Array(4096).map(() => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 24;
  });
  const zip = zipParts(
    new Map<string, string | Uint8Array>([
      ["z.xml", "<a/>".repeat(500)],
      ["a/empty.bin", new Uint8Array(0)],
      ["m/random.bin", random],
      ["中文.xml", "文字"],
    ]),
  );
  const back = unzipSync(zip);
  expect(Object.keys(back)).toEqual(["z.xml", "a/empty.bin", "m/random.bin", "中文.xml"]);
  expect(strFromU8(back["z.xml"]!)).toBe("<a/>".repeat(500));
  expect(back["a/empty.bin"]!.length).toBe(0);
  expect(Buffer.from(back["m/random.bin"]!).equals(Buffer.from(random))).toBe(true);
  expect(strFromU8(back["中文.xml"]!)).toBe("文字");
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-docx-zip-"));
  writeFileSync(path.join(dir, "t.zip"), zip);
  const listing = execFileSync("unzip", ["-v", path.join(dir, "t.zip")], { encoding: "utf8" });
  expect(listing).toMatch(/Defl:N .* z\.xml/);
  expect(listing).toMatch(/Stored .* m\/random\.bin/);
  expect(execFileSync("unzip", ["-t", path.join(dir, "t.zip")], { encoding: "utf8" })).toMatch(/No errors detected/);
});

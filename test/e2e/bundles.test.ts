/**
 * The emitted bundles of the production workbench (one build, test/e2e/workbenchSite.ts): the ES5
 * build for Trident (IE11: Office 2016/2019 volume-licensed) and the ES2017 build for EdgeHTML 18
 * (Office 2019 retail, older Microsoft 365 on Windows 10). Every bundle parses with acorn at its
 * level; no regex that its engine rejects is left in it, literal or built from strings (V8 parses
 * them whatever the run-time simulation in webviews.test.ts takes away); chunks are loaded relative
 * to the page, never through webpack's "auto" public path; both workbench pages are built.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "acorn";
import { ES2017_REGEX, ES5_REGEX, unsupportedRegexes } from "./regexScan";
import { workbenchSite } from "./workbenchSite";

let SITE: string;
let files: string[];
/** Run by IE11: the ES5 bundles, and the gate every engine runs first (webview-gate.js). */
const isLegacy = (f: string) => f.startsWith("legacy") || f === "webview-gate.js";

beforeAll(async () => {
  SITE = await workbenchSite();
  files = readdirSync(SITE).filter((f) => f.endsWith(".js"));
}, 1_200_000);

test("both workbench pages are built, each with its script", () => {
  expect(readFileSync(path.join(SITE, "workbench-legacy.html"), "utf8")).toMatch(/src="?legacy-workbench\.js/);
  expect(files).toContain("legacy-workbench.js");
  expect(readFileSync(path.join(SITE, "workbench.html"), "utf8")).toMatch(/src="?workbench\.[0-9a-f]{8}\.js/);
});

test("every bundle parses at its level: legacy*.js as ES5, the rest as ES2017", () => {
  const legacy = files.filter(isLegacy);
  expect(legacy.length).toBeGreaterThan(1); // the entry and its lazy chunks
  expect(files.length - legacy.length).toBeGreaterThan(1);
  for (const f of files) {
    const code = readFileSync(path.join(SITE, f), "utf8");
    expect(() => parse(code, { ecmaVersion: isLegacy(f) ? 5 : 2017, sourceType: "script" })).not.toThrow();
  }
});

test("no regex its engine rejects: no u, s or y flag for IE11, no s flag for EdgeHTML 18, no lookbehind, named group or \\p{…}", () => {
  const found: string[] = [];
  for (const f of files) {
    const code = readFileSync(path.join(SITE, f), "utf8");
    for (const hit of unsupportedRegexes(code, isLegacy(f) ? ES5_REGEX : ES2017_REGEX)) found.push(`${f}@${hit}`);
  }
  expect(found).toEqual([]);
});

test("the scan itself sees literals and string-built patterns", () => {
  expect(unsupportedRegexes("var a = /x/u; var b = new RegExp('^[' + c + ']$', 'u'); var d = RegExp(`(?<=${e})f`, 'g'); var y = /a/y;", ES5_REGEX)).toHaveLength(4);
  // Through the constructor, core-js emulates s and y; a literal with s is parsed by the engine itself.
  expect(unsupportedRegexes("var a = /x./s; var b = new RegExp('\\\\p{L}', 'u'); var c = new RegExp('a.b', 's');", ES2017_REGEX)).toHaveLength(2);
});

test("chunks are loaded next to the page (no automatic public path); webpack's global lookup never evals", () => {
  for (const f of files) expect(readFileSync(path.join(SITE, f), "utf8")).not.toContain("Automatic publicPath is not supported");
  // Our runtime is in the entry bundles. (pdfmake ships a webpack bundle with its own runtime inside
  // a chunk; it reaches its eval fallback only without globalThis, which core-js supplies first.)
  const entries = files.filter((f) => /^(legacy-)?workbench[.]/.test(f));
  expect(entries).toHaveLength(2);
  for (const f of entries) expect(readFileSync(path.join(SITE, f), "utf8")).not.toMatch(/return this\s*\|\|\s*new Function\(/);
});

test("the generated IE11 stylesheets have no custom properties and keep the light theme's colours", () => {
  for (const f of ["taskpane-legacy.css", "workbench-legacy.css"]) {
    const css = readFileSync(path.join(SITE, f), "utf8");
    expect(css).not.toMatch(/var\(|--[\w-]+\s*:/);
  }
  expect(readFileSync(path.join(SITE, "taskpane-legacy.css"), "utf8")).toMatch(/\.btn-primary\s*\{[^}]*background:\s*#0f6cbd/);
});

/**
 * The pages' polyfills split at the gate (scripts/polyfill-loader.js with `split`): engines that
 * pass webview-gate.js get modules without EdgeHTML's core-js, which edge-runtime.js loads instead
 * (src/pane/edgePolyfills.ts); a module needing one the list lacks fails the build. tslib gets no
 * polyfills for `using` (which our code cannot write). And the calendar's data reduced to its dates
 * for the bundles (scripts/calendar-days-loader.js).
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parse } from "acorn";
import ts from "typescript";
import { PROJECT_ROOT } from "../helpers/paths";

type Loader = (this: unknown, source: string, map: null) => void;
const polyfillLoader = require(path.join(PROJECT_ROOT, "scripts/polyfill-loader.js")) as Loader;
const calendarDaysLoader = require(path.join(PROJECT_ROOT, "scripts/calendar-days-loader.js")) as (source: string) => string;

interface Run {
  code: string;
  errors: string[];
  dependencies: string[];
}

function run(source: string, options: Record<string, unknown>, file = "src/example.ts"): Promise<Run> {
  const errors: string[] = [];
  const dependencies: string[] = [];
  return new Promise((resolve, reject) => {
    polyfillLoader.call(
      {
        async: () => (err: Error | null, code?: string) => (err ? reject(err) : resolve({ code: code ?? "", errors, dependencies })),
        getOptions: () => options,
        resourcePath: path.join(PROJECT_ROOT, file),
        emitError: (e: Error) => errors.push(e.message),
        addDependency: (f: string) => dependencies.push(f),
      },
      source,
      null,
    );
  });
}

const injected = (code: string): string[] => [...code.matchAll(/core-js\/modules\/([\w.-]+)\.js/g)].map((m) => m[1]!).sort();
const SOURCE = 'export const a = [[1]].flat();\nexport const b = Object.fromEntries([["x", 1]]);\nexport const c = JSON.stringify(a);\n';

test("without split, EdgeHTML's polyfills are in the module itself", async () => {
  const r = await run(SOURCE, { target: "es2017" });
  expect(injected(r.code)).toEqual(expect.arrayContaining(["es.array.flat", "es.json.stringify", "es.object.from-entries"]));
  expect(r.errors).toEqual([]);
});

test("with split, the module keeps none of them: the project's list has each, and the lines stay (source maps)", async () => {
  const r = await run(SOURCE, { target: "es2017", split: true });
  expect(injected(r.code)).toEqual([]);
  expect(r.errors).toEqual([]);
  expect(r.dependencies).toEqual([path.join(PROJECT_ROOT, "src/pane/edgePolyfills.ts")]);
  const plain = await run(SOURCE, { target: "es2017" });
  expect(r.code.split("\n").length).toBe(plain.code.split("\n").length);
  // The code itself is untouched.
  expect(r.code).toContain("[[1]].flat()");
});

test("a module that needs a polyfill the list lacks fails the build, naming the line to add", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "xxgk-edge-list-"));
  const list = path.join(dir, "edgePolyfills.ts");
  writeFileSync(list, 'import "core-js/modules/es.array.flat";\nimport "core-js/modules/es.array.unscopables.flat";\n');
  const r = await run(SOURCE, { target: "es2017", split: true, edgeList: list });
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0]).toContain("src/example.ts");
  expect(r.errors[0]).toContain('import "core-js/modules/es.object.from-entries";');
  expect(r.errors[0]).not.toContain("es.array.flat;");
});

test("what an engine past the gate still lacks stays in the module", async () => {
  // core-js still replaces Chromium 98's structuredClone (types it learned later).
  const r = await run("export const x = structuredClone(new Map());\n", { target: "es2017", split: true });
  expect(r.errors).toEqual([]);
  expect(injected(r.code)).toEqual(expect.arrayContaining(["web.structured-clone"]));
});

test("ES5 (IE11) is not split", async () => {
  const r = await run(SOURCE, { target: "es5", split: true });
  expect(injected(r.code)).toEqual(expect.arrayContaining(["es.array.flat", "es.object.from-entries"]));
  expect(r.dependencies).toEqual([]);
});

test("IE11: fast-text-encoding gets no URL polyfill (it only calls createObjectURL, which IE11 has); other code does", async () => {
  const file = require.resolve("fast-text-encoding");
  const library = await run(readFileSync(file, "utf8"), { target: "es5" }, path.relative(PROJECT_ROOT, file));
  expect(injected(library.code).filter((n) => n.startsWith("web.url"))).toEqual([]);
  expect(injected(library.code)).toContain("es.typed-array.uint8-array");
  const ours = await run('export const u = new URL("fonts/", location.href).href;\n', { target: "es5" });
  expect(injected(ours.code)).toContain("web.url");
});

test("the project's list names only real core-js modules", () => {
  const text = readFileSync(path.join(PROJECT_ROOT, "src/pane/edgePolyfills.ts"), "utf8");
  const names = [...text.matchAll(/^import "core-js\/modules\/([\w.-]+)";$/gm)].map((m) => m[1]!);
  expect(names.length).toBeGreaterThan(10);
  for (const n of names) expect(() => require.resolve(`core-js/modules/${n}`)).not.toThrow();
});

test("the calendar's data for the bundles: the same dates as runs, without their names, in ES5", () => {
  const file = require.resolve("chinese-days/dist/chinese-days.json");
  const source = readFileSync(file, "utf8");
  const full = JSON.parse(source) as Record<string, Record<string, string>>;
  const code = calendarDaysLoader(source);
  expect(() => parse(code, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
  const mod = { exports: {} as Record<string, Record<string, number>> };
  new Function("module", code)(mod);
  expect(Object.keys(mod.exports).sort()).toEqual(["holidays", "workdays"]);
  for (const part of ["holidays", "workdays"]) expect(Object.keys(mod.exports[part]!).sort()).toEqual(Object.keys(full[part]!).sort());
  expect(gzipSync(code).length).toBeLessThan(gzipSync(source).length / 3);
  expect(() => calendarDaysLoader('{"days":{}}')).toThrow(/holidays/);
  expect(() => calendarDaysLoader('{"holidays":{"2026-13":1},"workdays":{}}')).toThrow(/not a date/);
});

const DISPOSAL = ["es.async-iterator.async-dispose", "es.suppressed-error.constructor", "es.symbol.async-dispose", "es.symbol.dispose"];

test("tslib's helpers for `using` bring no polyfills to IE11's bundle; the same code elsewhere would", async () => {
  const tslib = path.join("node_modules", "tslib", "tslib.es6.mjs");
  const source = readFileSync(path.join(PROJECT_ROOT, tslib), "utf8");
  expect(source).toContain("__addDisposableResource");
  const asTslib = injected((await run(source, { target: "es5" }, tslib)).code);
  const asOurs = injected((await run(source, { target: "es5" }, "src/example.ts")).code);
  expect(asOurs).toEqual(expect.arrayContaining(DISPOSAL));
  expect(asTslib.filter((n) => DISPOSAL.includes(n))).toEqual([]);
  // What the other helpers use stays (the iteration protocol, Promise, Object.create …).
  expect(asTslib).toEqual(asOurs.filter((n) => !DISPOSAL.includes(n)));
  expect(asTslib.length).toBeGreaterThan(5);
});

test("our sources cannot declare `using`: lib ES2022 (tsconfig.json) has no Symbol.dispose", () => {
  const config = ts.readConfigFile(path.join(PROJECT_ROOT, "tsconfig.json"), (f) => ts.sys.readFile(f));
  const options = ts.parseJsonConfigFileContent(config.config, ts.sys, PROJECT_ROOT).options;
  const dir = mkdtempSync(path.join(tmpdir(), "xxgk-using-"));
  const file = path.join(dir, "disposes.ts");
  writeFileSync(file, "export function f(r: { [Symbol.dispose](): void }) {\n  using x = r;\n  return x;\n}\n");
  const program = ts.createProgram([file], { ...options, noEmit: true, types: [] });
  const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " "));
  expect(messages.some((m) => /'Disposable'|Property 'dispose' does not exist/.test(m))).toBe(true);
});

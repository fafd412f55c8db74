/**
 * The V8 code cache of the compiled CLI (scripts/codeCache.js): a run with it writes exactly what a
 * run without it writes, an edited module never runs from old bytecode (even at the same length,
 * which V8's own check would accept), and a damaged cache file never breaks a run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import { strFromU8, unzipSync } from "fflate";
import path from "node:path";
import { FIXTURES, PROJECT_ROOT } from "../helpers/paths";

const CACHE = /^v8-v.*\.bin$/;

/** The cache file with its first entry's bytecode replaced by its second's (hashes left as they were). */
function swapBytecode(file: Buffer): Buffer {
  const headLen = file.readUInt32LE(0);
  const head = JSON.parse(file.toString("utf8", 4, 4 + headLen)) as { magic: string; entries: [string, string, number][] };
  const datas: Buffer[] = [];
  let at = 4 + headLen;
  for (const [, , length] of head.entries) {
    datas.push(file.subarray(at, at + length));
    at += length;
  }
  expect(datas.length).toBeGreaterThanOrEqual(2);
  datas[0] = datas[1]!;
  head.entries[0]![2] = datas[0].length;
  const json = Buffer.from(JSON.stringify(head));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  return Buffer.concat([len, json, ...datas]);
}

describe("a project whose compiled CLI is a stand-in", () => {
  let root: string;
  const run = () =>
    spawnSync(process.execPath, [path.join(root, "bin", "xxgk-report.js")], { encoding: "utf8", env: { ...process.env, XXGK_NO_CODE_CACHE: "" } });
  const cacheFiles = () => readdirSync(path.join(root, "dist-cli")).filter((f) => CACHE.test(f));
  const bundle = (say: string) =>
    writeFileSync(
      path.join(root, "dist-cli", "main.cjs"),
      `exports.main = async () => { process.stdout.write(require("./said.cjs")("${say}")); return 0; };\n`,
    );

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), "xxgk-cache-"));
    for (const d of ["bin", "scripts", "dist-cli", "src/cli"]) mkdirSync(path.join(root, d), { recursive: true });
    copyFileSync(path.join(PROJECT_ROOT, "bin", "xxgk-report.js"), path.join(root, "bin", "xxgk-report.js"));
    for (const f of ["cliBundle.js", "cacheFolder.js", "codeCache.js"]) copyFileSync(path.join(PROJECT_ROOT, "scripts", f), path.join(root, "scripts", f));
    symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"));
    writeFileSync(path.join(root, "src", "cli", "main.ts"), "export {};\n");
    bundle("bundle");
    writeFileSync(path.join(root, "dist-cli", "said.cjs"), "module.exports = (s) => `${s}\\n`;\n");
    const { newestSource, STAMP } = require(path.join(root, "scripts", "cliBundle.js")) as { newestSource(r: string): number; STAMP: string };
    writeFileSync(path.join(root, STAMP), JSON.stringify({ newest: newestSource(root) }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test("the first run writes the cache beside the bundle, the next runs use it without rewriting it", () => {
    expect(cacheFiles()).toEqual([]);
    expect(run().stdout).toBe("bundle\n");
    const [file] = cacheFiles();
    expect(file).toBeDefined();
    const written = statSync(path.join(root, "dist-cli", file!)).mtimeMs;
    const second = run();
    expect(second).toMatchObject({ status: 0, stdout: "bundle\n", stderr: "" });
    expect(statSync(path.join(root, "dist-cli", file!)).mtimeMs).toBe(written);
  });

  test("a module edited to the same length runs its new text, not the cached bytecode", () => {
    expect(run().stdout).toBe("bundle\n");
    bundle("BUNDLE");
    expect(run().stdout).toBe("BUNDLE\n");
    expect(run().stdout).toBe("BUNDLE\n");
  });

  test.each([
    ["random bytes", () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))],
    ["a header promising more than the file holds", () => Buffer.concat([Buffer.from([0xff, 0xff, 0, 0]), Buffer.from("{")])],
    ["a valid header, bytecode cut short", (good: Buffer) => good.subarray(0, good.length - 100)],
    ["one module's entry holding another's bytecode", (good: Buffer) => swapBytecode(good)],
  ])("a damaged cache (%s) is ignored and replaced", (_name, damage) => {
    expect(run().stdout).toBe("bundle\n");
    const file = path.join(root, "dist-cli", cacheFiles()[0]!);
    writeFileSync(file, damage(readFileSync(file)));
    expect(run()).toMatchObject({ status: 0, stdout: "bundle\n", stderr: "" });
    expect(run()).toMatchObject({ status: 0, stdout: "bundle\n", stderr: "" });
  });

  test("a require() resolved once leads to the same file until an install changes package.json or the lock files", () => {
    // "./lib" resolves to lib/index.js while there is no lib.js; a lib.js added later would win.
    writeFileSync(path.join(root, "dist-cli", "main.cjs"), 'exports.main = async () => { process.stdout.write(require("./lib")); return 0; };\n');
    mkdirSync(path.join(root, "dist-cli", "lib"));
    writeFileSync(path.join(root, "dist-cli", "lib", "index.js"), 'module.exports = "index\\n";\n');
    const writePackageJson = (text: string) => {
      writeFileSync(path.join(root, "package.json"), text);
      // The compiled CLI counts as current after it (bin compares sources with the build's stamp).
      const { newestSource, STAMP } = require(path.join(root, "scripts", "cliBundle.js")) as { newestSource(r: string): number; STAMP: string };
      writeFileSync(path.join(root, STAMP), JSON.stringify({ newest: newestSource(root) }));
    };
    writePackageJson("{}\n");
    expect(run()).toMatchObject({ status: 0, stdout: "index\n" });
    writeFileSync(path.join(root, "dist-cli", "lib.js"), 'module.exports = "lib.js\\n";\n');
    // Remembered: the run does not walk the folder again.
    expect(run()).toMatchObject({ status: 0, stdout: "index\n" });
    // package.json rewritten (as npm install does): resolved afresh.
    writePackageJson("{ }\n");
    expect(run()).toMatchObject({ status: 0, stdout: "lib.js\n" });
    // A remembered file that is gone: resolved afresh, never a crash.
    rmSync(path.join(root, "dist-cli", "lib.js"));
    expect(run()).toMatchObject({ status: 0, stdout: "index\n" });
    expect(run()).toMatchObject({ status: 0, stdout: "index\n" });
  });

  test("export --pdf starts the font worker first; a bundle older than the sources never keeps it", () => {
    // A stand-in worker module: startEarly registers a fitter whose dismiss() leaves a mark.
    const mark = path.join(root, "dismissed");
    writeFileSync(
      path.join(root, "dist-cli", "font-fit-worker.cjs"),
      `exports.startEarly = () => { globalThis[Symbol.for("xxgk.fontFitter")] = { fitter: { dismiss() { require("fs").writeFileSync(${JSON.stringify(mark)}, "x"); } } }; };\n`,
    );
    const exportPdf = () =>
      spawnSync(process.execPath, [path.join(root, "bin", "xxgk-report.js"), "export", "r.txt", "--pdf", "r.pdf"], { encoding: "utf8", cwd: root });
    expect(exportPdf()).toMatchObject({ status: 0, stdout: "bundle\n" });
    expect(existsSync(mark)).toBe(false);
    // A source edited after the build: bin runs the sources (here a stand-in that fails) and
    // first stops the old build's worker.
    writeFileSync(path.join(root, "src", "cli", "main.ts"), "export {}; // edited\n");
    const stale = exportPdf();
    expect(stale.stdout).toBe("");
    expect(existsSync(mark)).toBe(true);
  });

  test("ES modules the bundle require()s (Node 20.19+) are left to Node, and still load", () => {
    // As exceljs reaches async-function/require.mjs: a .mjs, and ES syntax in a "type": "module" package.
    mkdirSync(path.join(root, "dist-cli", "esm"));
    writeFileSync(path.join(root, "dist-cli", "esm", "package.json"), '{"type": "module"}\n');
    writeFileSync(path.join(root, "dist-cli", "esm", "plain.js"), "export default 'js';\n");
    writeFileSync(path.join(root, "dist-cli", "mod.mjs"), "import x from './esm/plain.js'; export default `mjs+${x}`;\n");
    writeFileSync(
      path.join(root, "dist-cli", "main.cjs"),
      'exports.main = async () => { const m = require("./mod.mjs"); process.stdout.write(`${m.default}\\n`); return 0; };\n',
    );
    expect(run()).toMatchObject({ status: 0, stdout: "mjs+js\n" });
    expect(run()).toMatchObject({ status: 0, stdout: "mjs+js\n" });
  });

  test("XXGK_NO_CODE_CACHE runs without reading or writing one", () => {
    const r = spawnSync(process.execPath, [path.join(root, "bin", "xxgk-report.js")], { encoding: "utf8", env: { ...process.env, XXGK_NO_CODE_CACHE: "1" } });
    expect(r.stdout).toBe("bundle\n");
    expect(cacheFiles()).toEqual([]);
  });
});

test("the real CLI exports the same PDF and Word file with the cache as without it", () => {
  execFileSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build-cli.js"), "--strict"], { cwd: PROJECT_ROOT });
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cache-export-"));
  try {
    const report = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");
    const exportAs = (tag: string, noCache: string) => {
      const r = spawnSync(
        process.execPath,
        [path.join(PROJECT_ROOT, "bin", "xxgk-report.js"), "export", report, "--pdf", `${tag}.pdf`, "--docx", `${tag}.docx`],
        {
          cwd: dir,
          encoding: "utf8",
          env: { ...process.env, XXGK_NO_CODE_CACHE: noCache },
        },
      );
      expect(r).toMatchObject({ status: 0 });
      // The creation date (and the ID pdfkit derives from it) is the only thing that may differ.
      const pdf = readFileSync(path.join(dir, `${tag}.pdf`), "latin1")
        .replace(/\(D:\d+Z\)/, "")
        .replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/, "");
      return { pdf, stderr: r.stderr, stdout: r.stdout };
    };
    const without = exportAs("plain", "1");
    exportAs("first", ""); // writes or refreshes the cache
    const cached = exportAs("cached", "");
    expect(cached.pdf).toBe(without.pdf);
    expect(cached.stderr).toBe(without.stderr);
    expect(cached.stdout.replace(/cached/g, "plain")).toBe(without.stdout);
    // The .docx: every part the same, but for the times in docProps/core.xml and the zip's dates.
    const parts = (tag: string) =>
      Object.fromEntries(
        Object.entries(unzipSync(readFileSync(path.join(dir, `${tag}.docx`)))).map(([name, bytes]) => [
          name,
          strFromU8(bytes).replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, "<dcterms:$1><"),
        ]),
      );
    expect(parts("cached")).toEqual(parts("plain"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a module that may call import() is left to Node; names ending in import and comment lines are not calls", () => {
  const { mayImport } = require(path.join(PROJECT_ROOT, "scripts", "codeCache.js")) as { mayImport(s: string): boolean };
  expect(mayImport('const m = await import("pdfjs-dist");')).toBe(true);
  expect(mayImport("x = 1;\n  return import (name);")).toBe(true);
  expect(mayImport('const u = "http://example"; import("y");')).toBe(true);
  expect(mayImport("importer = once(() => (init_import(), import_exports));")).toBe(false);
  expect(mayImport("loader.import(x); obj.$import(y);")).toBe(false);
  expect(mayImport("/**\n * Each .docx the parts of a package import (`w:altChunk`)\n */\n// import(x)\n")).toBe(false);
});

#!/usr/bin/env node
// `xxgk-report`: runs the compiled CLI (dist-cli/main.cjs, built at install by scripts/build-cli.js)
// when it is current, so a start costs about one bare Node start; when a source under src/ is newer
// than the bundle (a developer editing) or there is no bundle, it runs the TypeScript through tsx.
"use strict";
const path = require("node:path");
const root = path.join(__dirname, "..");

// V8 hands a function to its optimising compiler (TurboFan, on another thread) after a small budget
// of interpreted running. A run of this CLI lasts about a second: most of that optimising is done
// for code that never runs again, and on a machine with two busy cores it takes the CPU the export
// needs. With 8× the budget (Node 20's default is 66 KB) only the really hot loops are optimised;
// measured: an `export --pdf` uses ~25 % less CPU, `--docx` ~20 %, a 5 s `check` of 37 reports
// ~10 % (docs/export.md). Set before any of our code is compiled, so the code cache (whose
// entries V8 keys by its flags) stays valid from run to run. Only on V8 versions known to have
// the flag: an unknown one makes V8 print an error.
// --liftoff-only: WebAssembly (HarfBuzz, which cuts the PDF fonts in a worker) stays in its first,
// quick compile. Otherwise V8 recompiles its hot functions with TurboFan on background threads,
// and the process waits for those compiles at exit: ~0.2 s after the PDF is written (measured).
// --semi-space-growth-factor=16: the young generation starts at 1 MB and doubles only when a
// scavenge finds much of it alive, so a run that builds a report, a layout and a PDF scavenges
// 13–18 times on its way to the 16 MB cap. Growing to the cap at the first growth leaves 8
// collections; measured on an `export --pdf`, GC time 42–63 → 24–41 ms. Unlike the semi-space
// sizes (read once, when the heap is made), V8 reads this factor each time it grows the space,
// so it works when set here. The cap is unchanged: a run reaches it sooner, never goes past it.
if (/^1[1-4]\./.test(process.versions.v8)) {
  const v8 = require("node:v8");
  v8.setFlagsFromString("--interrupt-budget=540672");
  v8.setFlagsFromString("--liftoff-only");
  v8.setFlagsFromString("--semi-space-growth-factor=16");
}

function compiled() {
  if (process.env.XXGK_CLI_FROM_SOURCE) return null;
  try {
    const { BUNDLE, OUT_DIR, bundleIsCurrent } = require(path.join(root, "scripts", "cliBundle.js"));
    if (!bundleIsCurrent(root)) return null;
    // Bytecode of earlier runs for the bundle and the packages it loads (never required to run).
    try {
      require(path.join(root, "scripts", "codeCache.js")).installCodeCache(root, OUT_DIR);
    } catch {
      /* run without it */
    }
    return require(path.join(root, BUNDLE));
  } catch {
    return null;
  }
}

/**
 * `export … --pdf`: the worker that cuts the PDF fonts (src/document/fontFitWorkerNode.ts) starts
 * first thing, before this file checks the bundle is current and loads it (~20 ms here), so it
 * has booted and read the faces by the time the report is read. The export takes it over (or
 * starts its own if this did not run), and stops it when faces kept from an earlier export serve.
 */
const EARLY_FITTER = Symbol.for("xxgk.fontFitter");
function startFontWorkerEarly() {
  const args = process.argv.slice(2);
  if (process.env.XXGK_CLI_FROM_SOURCE || args[0] !== "export" || !args.some((a) => a === "--pdf" || a.startsWith("--pdf="))) return;
  try {
    const { OUT_DIR } = require(path.join(root, "scripts", "cliBundle.js"));
    require(path.join(root, OUT_DIR, "font-fit-worker.cjs")).startEarly();
  } catch {
    /* the export starts its own */
  }
}

/** The sources are newer than the bundle: a worker of the old build must not serve them. */
function dropEarlyFontWorker() {
  const early = globalThis[EARLY_FITTER];
  delete globalThis[EARLY_FITTER];
  if (early && early.fitter) early.fitter.dismiss();
}

function fromSource() {
  // Both loaders are hooked: require() for the static graph and the ESM loader for lazy import().
  require("tsx/cjs");
  return import("tsx/esm").then(() => require(path.join(root, "src", "cli", "main.ts")));
}

// Output piped into `head` or a pager that closes early: stop quietly, as other command-line tools
// do, instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
    throw err;
  });
}

/**
 * The command has finished and awaited everything it wrote: leave now instead of letting Node
 * free the heap and stop the font worker first (~8–10 ms after an `export --pdf`, measured
 * against ~3 ms for a bare node). Once stdout and stderr have passed on what they hold (pipes
 * on Windows write asynchronously), so no line is cut off; 'exit' listeners (the code cache) run.
 */
function exitOnceFlushed() {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit();
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

startFontWorkerEarly();
const cli = compiled();
if (!cli) dropEarlyFontWorker();
let loaded = null;
Promise.resolve(cli || fromSource())
  .then((mod) => {
    loaded = mod;
    return mod.main(process.argv.slice(2));
  })
  .then(
    (code) => {
      process.exitCode = code;
      exitOnceFlushed();
    },
    (err) => {
      // Through the CLI's output boundary: an exception may quote a file's content. (Before the CLI
      // loaded, there is no file content to escape.)
      const text = String(err && err.stack ? err.stack : err);
      process.stderr.write(`内部错误：${loaded && loaded.forTerminal ? loaded.forTerminal(text) : text}\n`);
      process.exitCode = 2;
    },
  );

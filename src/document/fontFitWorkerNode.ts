/**
 * Node only (CLI): cutting the PDF fonts (fontSubsetNode.ts) on the machine's other core.
 *
 * An export that starts the fitter before it reads the report has the worker read the five faces
 * and ready HarfBuzz while this thread reads, checks and lays out the report's model; HarfBuzz then
 * cuts the faces while this thread loads pdfmake. Measured on a published report: the cut takes
 * ~60–80 ms of a cold process; on the critical path it would cost most of what it saves.
 *
 * The worker is a file of its own: dist-cli/font-fit-worker.cjs in the compiled CLI
 * (scripts/build-cli.js), or this module run through tsx from the sources. Anything that goes
 * wrong there (no worker, no WebAssembly, a face HarfBuzz refuses) rejects, and the PDF is drawn
 * with the whole faces: slower, never different.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { coverageOf } from "./cmap";
import { FONT_ROLES, noChars, type FontBytes, type FontRole, type UsedChars } from "./fonts";
import { charsByFont, drawnText } from "./glyphs";
import type { Doc } from "./model";
import { defaultFontsDir, loadFontsFromDir } from "./fontsNode";
import { prepareSubsetter } from "./fontSubsetNode";
import { cutWithKept, defaultCutCacheDir, keepFace, keptOf, type Cut } from "./fontCutCacheNode";

/** Name of the compiled worker beside the CLI bundle (scripts/build-cli.js writes it). */
export const FONT_FIT_WORKER = "font-fit-worker.cjs";

type Request = { kind: "hint"; text: Array<[FontRole, string]> } | { kind: "fit"; used: Record<FontRole, number[]> };
type Reply = { fonts: FontBytes } | { error: string };

export interface FontFitter {
  /** What the report will draw, as soon as its model exists: the worker starts cutting then. */
  hint(doc: Doc): void;
  /**
   * All five faces for a PDF that draws `used`, those it draws cut to it (a cut made ahead serves
   * only if it maps all of it). Asked once; rejects when the worker cannot answer.
   */
  faces(used: UsedChars): Promise<FontBytes>;
  /** The export will not ask (its faces were kept from an earlier one): stop the worker's work. */
  dismiss(): void;
}

export interface FitterOptions {
  /** Where cut faces are kept between exports (fontCutCacheNode.ts); none: cut every time. */
  cacheDir?: string;
  /** Tests: another worker file. */
  entry?: { file: string; execArgv: string[] };
}

/** Where the worker's code is, and how Node must run it. */
function workerEntry(): { file: string; execArgv: string[] } {
  const compiled = path.join(__dirname, FONT_FIT_WORKER);
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  return { file: __filename, execArgv: ["--require", require.resolve("tsx/cjs")] };
}

const toLists = (used: UsedChars) => Object.fromEntries(FONT_ROLES.map((r) => [r, [...used[r]]])) as Record<FontRole, number[]>;
const toSets = (used: Record<FontRole, number[]>) => Object.fromEntries(FONT_ROLES.map((r) => [r, new Set(used[r])])) as UsedChars;

/**
 * Starts the worker now (it reads `dir`'s faces, the same files the caller reads) and returns its
 * fitter. The worker answers one fit and ends; it never keeps the process alive.
 */
export function startFontFitter(dir: string, opts: FitterOptions = {}): FontFitter {
  const entry = opts.entry ?? workerEntry();
  let worker: Worker | null = null;
  // Why the worker cannot answer (it failed to start, or stopped before it was asked).
  let failed: Error | null = null;
  try {
    const data = { xxgkFontFit: true, dir, cacheDir: opts.cacheDir ?? null };
    worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv, stdout: true, stderr: true });
    // Never keeps the process alive: an export that makes no PDF just exits.
    worker.unref();
    worker.on("error", (e) => (failed ??= e));
    worker.on("exit", (code) => (failed ??= new Error(`font worker exited (${code})`)));
  } catch (e) {
    failed = e instanceof Error ? e : new Error(String(e));
  }
  return {
    hint(doc) {
      if (!failed) worker?.postMessage({ kind: "hint", text: drawnText(doc) } satisfies Request);
    },
    dismiss() {
      void worker?.terminate();
      worker = null;
    },
    faces: (used) =>
      new Promise<FontBytes>((resolve, reject) => {
        const w = worker;
        worker = null; // one fit per worker
        if (!w || failed) return reject(failed ?? new Error("no font worker"));
        const done = (fn: () => void) => {
          w.removeAllListeners();
          void w.terminate();
          fn();
        };
        w.once("message", (reply: Reply) =>
          done(() => ("error" in reply ? reject(new Error(reply.error)) : resolve(reply.fonts))),
        );
        w.once("error", (e) => done(() => reject(e)));
        w.once("exit", (code) => done(() => reject(new Error(`font worker exited (${code})`))));
        w.postMessage({ kind: "fit", used: toLists(used) } satisfies Request);
      }),
  };
}

const EARLY = Symbol.for("xxgk.fontFitter");
type Early = { dir: string; cacheDir: string; fitter: FontFitter };

/**
 * bin/xxgk-report.js, on an `export … --pdf` run: starts the worker before the CLI bundle loads.
 * A worker takes ~70 ms to boot here; started with the command it was still cutting when this
 * thread wanted the faces (measured: 35–95 ms of waiting).
 */
export function startEarly(): void {
  const dir = defaultFontsDir();
  const cacheDir = defaultCutCacheDir();
  (globalThis as { [EARLY]?: Early })[EARLY] = { dir, cacheDir, fitter: startFontFitter(dir, { cacheDir }) };
}

/** The fitter startEarly made for `dir` and `cacheDir` (taken once), or a new one. */
export function fontFitterFor(dir: string, cacheDir: string): FontFitter {
  const g = globalThis as { [EARLY]?: Early };
  const early = g[EARLY];
  delete g[EARLY];
  if (early && early.dir === dir && early.cacheDir === cacheDir) return early.fitter;
  early?.fitter.dismiss();
  return startFontFitter(dir, { cacheDir });
}

/**
 * The worker's side: read the faces and ready HarfBuzz at once, cut on a hint, answer one fit.
 * With a cache folder, faces kept from earlier exports serve where they map what is drawn, and
 * faces cut here are kept (before the reply, which moves them away) for the next export.
 */
function serve(): void {
  const { dir, cacheDir } = workerData as { dir: string; cacheDir: string | null };
  const ready = Promise.all([loadFontsFromDir(dir), Promise.resolve().then(prepareSubsetter)]).then(([fonts]) => ({
    fonts,
    kept: cacheDir ? keptOf(cacheDir, dir) : {},
  }));
  let ahead: Promise<Cut | null> = Promise.resolve(null);
  const port = parentPort!;
  port.on("message", (req: Request) => {
    if (req.kind === "hint") {
      ahead = ready.then(({ fonts, kept }) => cutWithKept(fonts, charsByFont(req.text, coverageOf(fonts)), kept)).catch(() => null);
      return;
    }
    const used = toSets(req.used);
    Promise.all([ready, ahead])
      .then(([{ fonts, kept }, cut]) => {
        // A face cut ahead serves when it was cut for every character the PDF draws with it.
        const covered = (r: FontRole) => cut !== null && [...used[r]].every((cp) => cut.covers[r].has(cp));
        const rest = noChars();
        for (const r of FONT_ROLES) if (!covered(r)) rest[r] = used[r];
        const now = cutWithKept(fonts, rest, kept);
        const reply = Object.fromEntries(FONT_ROLES.map((r) => [r, covered(r) ? cut!.faces[r] : now.faces[r]])) as FontBytes;
        if (cacheDir) {
          for (const r of FONT_ROLES) if ((covered(r) ? cut!.fresh : now.fresh).includes(r)) keepFace(cacheDir, dir, r, reply[r]);
        }
        // All five travel back, moved, not copied: the export's thread never reads the faces itself
        // (fontsNode.ts fontSourceFromDir). A face nothing draws goes whole; pdfmake never opens it.
        const buffers = new Set(FONT_ROLES.map((r) => reply[r].buffer as ArrayBuffer));
        port.postMessage({ fonts: reply } satisfies Reply, [...buffers]);
      })
      .catch((e: unknown) => port.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies Reply));
  });
}
if (!isMainThread && (workerData as { xxgkFontFit?: unknown } | null)?.xxgkFontFit !== undefined) serve();

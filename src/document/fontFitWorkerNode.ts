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
import { FONT_ROLES, type FitFonts, type FontBytes, type FontRole, type UsedChars } from "./fonts";
import { loadFontsFromDir } from "./fontsNode";
import { fitFonts, prepareSubsetter } from "./fontSubsetNode";

/** Name of the compiled worker beside the CLI bundle (scripts/build-cli.js writes it). */
export const FONT_FIT_WORKER = "font-fit-worker.cjs";

type Request = { used: Record<FontRole, number[]> };
type Reply = { fonts: Partial<FontBytes> } | { error: string };

/** Where the worker's code is, and how Node must run it. */
function workerEntry(): { file: string; execArgv: string[] } {
  const compiled = path.join(__dirname, FONT_FIT_WORKER);
  if (existsSync(compiled)) return { file: compiled, execArgv: [] };
  return { file: __filename, execArgv: ["--require", require.resolve("tsx/cjs")] };
}

/**
 * Starts the worker now (reading `dir`'s faces) and returns the fitter toPdf calls. The fitter
 * cuts only faces the worker read from the same folder as the caller's; the worker ends after one
 * answer, or with the process.
 */
export function startFontFitter(dir: string): FitFonts {
  let worker: Worker | null = null;
  let failed: Error | null = null;
  try {
    const entry = workerEntry();
    worker = new Worker(entry.file, { workerData: { xxgkFontFit: true, dir }, execArgv: entry.execArgv, stdout: true, stderr: true });
    // Never keeps the process alive: an export that makes no PDF just exits.
    worker.unref();
    worker.on("error", () => undefined);
  } catch (e) {
    failed = e instanceof Error ? e : new Error(String(e));
  }
  return (fonts, used) =>
    new Promise<FontBytes>((resolve, reject) => {
      if (!worker) return reject(failed ?? new Error("no font worker"));
      const w = worker;
      worker = null; // one question per worker
      const done = (fn: () => void) => {
        w.removeAllListeners();
        void w.terminate();
        fn();
      };
      w.once("message", (reply: Reply) =>
        done(() => ("error" in reply ? reject(new Error(reply.error)) : resolve({ ...fonts, ...reply.fonts }))),
      );
      w.once("error", (e) => done(() => reject(e)));
      w.once("exit", (code) => done(() => reject(new Error(`font worker exited (${code})`))));
      const request: Request = { used: Object.fromEntries(FONT_ROLES.map((r) => [r, [...used[r]]])) as Request["used"] };
      w.postMessage(request);
    });
}

/** The worker's side: read the faces and ready HarfBuzz at once, cut on request, answer once. */
function serve(): void {
  const { dir } = workerData as { dir: string };
  const ready = Promise.all([loadFontsFromDir(dir), Promise.resolve().then(prepareSubsetter)]);
  parentPort!.once("message", (req: Request) => {
    ready
      .then(([fonts]) => {
        const used = Object.fromEntries(FONT_ROLES.map((r) => [r, new Set(req.used[r])])) as UsedChars;
        const fitted = fitFonts(fonts, used);
        // Only the faces that were cut travel back (moved, not copied).
        const cut: Partial<FontBytes> = {};
        for (const r of FONT_ROLES) if (fitted[r] !== fonts[r]) cut[r] = fitted[r];
        const reply: Reply = { fonts: cut };
        parentPort!.postMessage(reply, Object.values(cut).map((b) => b.buffer as ArrayBuffer));
      })
      .catch((e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) } satisfies Reply));
  });
}

if (!isMainThread && (workerData as { xxgkFontFit?: unknown } | null)?.xxgkFontFit !== undefined) serve();

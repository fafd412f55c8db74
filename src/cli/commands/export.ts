/**
 * `xxgk-report export <report> [--docx out.docx] [--pdf out.pdf] [--html out.html] [--force]`:
 * read a report (.xlsx template, .txt, .html, .docx — via ../load), check it, and write the
 * requested documents. A report with errors is exported only with --force; a PDF whose characters
 * the embedded fonts lack is never written (EXPORT.GLYPH), the other formats still are.
 * Exit: 0 written · 1 errors without --force, or a PDF refused · 2 input unreadable or output unwritable.
 */
import path from "node:path";
import { countBySeverity, type Finding } from "../../report";
import { buildDocument } from "../../document/build";
import { exportReport } from "../../document/exportReport";
import { installFastCffIndex, restructureOf } from "../../document/cffIndexNode";
import { installFastCffSubset, pdfkitFontkit, pdfkitFontkitPath } from "../../document/cffSubsetNode";
import { readFileSync } from "node:fs";
import { defaultFontsDir, fontSourceFromDir } from "../../document/fontsNode";
import { fontFitterFor, type FontFitter } from "../../document/fontFitWorkerNode";
import { installNativeInflate } from "../../document/inflateNode";
import { deferUnusedPdfModules } from "../../document/deferredNode";
import { installFastStyleLookup } from "../../document/styleLookupNode";
import { installRenderRuns } from "../../document/renderRunsNode";
import { installMeasureOnce } from "../../document/measureOnceNode";
import { installFastStreams } from "../../document/pdfStreamsNode";
import { FONT_ROLES, PDF_FONT_FILES, type FontBytes, type UsedChars } from "../../document/fonts";
import { charsByFont, drawnText } from "../../document/glyphs";
import type { Doc } from "../../document/model";
import { defaultCutCacheDir, keptFaces } from "../../document/fontCutCacheNode";
import type { FontSource } from "../../document/fontSource";
import { EXPORT_KINDS, type ExportKind } from "../../document/kinds";
import { cli as text } from "../../document/messages";
import { parse } from "../args";
import { EXIT, type CliIO } from "../io";
import { loadReportFile } from "../load";
import { cliText } from "../messages";
import { FsFailure, sameFiles } from "../paths";
import { printable } from "../terminal";
import { writeOutput } from "../writeOutput";
import { findingsFor, formatFindings } from "./check";

const KINDS: ExportKind[] = ["docx", "pdf", "html"];

/**
 * The Node-only speed-ups of pdfmake and its packages, each giving the same bytes (see each
 * module). In this order: the first two act before fontkit loads, which installFastCffSubset
 * does. One that does not fit the installed packages (another version's layout) is skipped: the
 * PDF is then made by plain pdfmake, only slower.
 */
function installPdfSpeedUps(fontsDir: string): void {
  // The speed-ups find fontkit's classes through a face: the smallest one (a few KB) serves.
  const sample = () => readFileSync(path.join(fontsDir, PDF_FONT_FILES.song));
  const speedUps = [
    installNativeInflate,
    deferUnusedPdfModules,
    () => installFastCffSubset(sample()),
    () => installFastCffIndex(restructureOf(pdfkitFontkitPath()), () => (pdfkitFontkit().create(sample()) as unknown as Record<string, unknown>)["CFF "]),
    installFastStyleLookup,
    installRenderRuns,
    installMeasureOnce,
    () => installFastStreams(),
  ];
  for (const install of speedUps) {
    try {
      install();
    } catch {
      /* plain pdfmake */
    }
  }
}

/**
 * The PDF fonts of one export. This thread reads only the faces' cmaps (fontsNode.ts); it draws
 * with faces kept from an earlier export when they map all the PDF draws (fontCutCacheNode.ts),
 * else with the faces the worker cuts, else with the whole faces.
 */
export function pdfFonts(fontsDir: string, cacheDir: string, fitter: FontFitter) {
  let source: FontSource | null = null;
  /** Kept faces found for the model's characters, before layout. */
  let kept: { chars: UsedChars; faces: FontBytes } | null = null;
  const within = (used: UsedChars, chars: UsedChars) => FONT_ROLES.every((r) => [...used[r]].every((cp) => chars[r].has(cp)));
  const cut = (used: UsedChars): Promise<FontBytes> => {
    if (kept && within(used, kept.chars)) return Promise.resolve(kept.faces);
    const faces = keptFaces(cacheDir, fontsDir, used);
    if (faces) fitter.dismiss();
    return faces ? Promise.resolve(faces) : fitter.faces(used);
  };
  const sourceNow = () => (source ??= fontSourceFromDir(fontsDir, cut));
  return {
    /**
     * As soon as the report's model exists. Kept faces that map all it draws: the worker is
     * stopped now instead of reading 16 MB of faces for nothing (measured: the same wall time,
     * ~6 % less CPU). Else it starts cutting while this thread checks and lays the report out.
     */
    prepare(doc: Doc): void {
      try {
        const chars = charsByFont(drawnText(doc), sourceNow().coverage);
        const faces = keptFaces(cacheDir, fontsDir, chars);
        if (faces) {
          kept = { chars, faces };
          fitter.dismiss();
          return;
        }
      } catch {
        /* a face that cannot be read: the export says so when it asks for the fonts */
      }
      fitter.hint(doc);
    },
    source: async (): Promise<FontSource> => {
      const fonts = sourceNow();
      installPdfSpeedUps(fontsDir);
      return fonts;
    },
  };
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parse(args, {
    docx: { type: "string" },
    pdf: { type: "string" },
    html: { type: "string" },
    force: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if ("error" in parsed) {
    io.err(`${parsed.error}\n\n${text.usage}`);
    return EXIT.unreadable;
  }
  if (parsed.values.help) {
    io.out(text.usage);
    return EXIT.ok;
  }
  const [input, ...extra] = parsed.positionals;
  if (!input) {
    io.err(`${text.noInput}\n\n${text.usage}`);
    return EXIT.unreadable;
  }
  if (extra.length) {
    io.err(`${text.tooManyInputs(extra.join(" "))}\n\n${text.usage}`);
    return EXIT.unreadable;
  }
  const outputs = KINDS.flatMap((k) => {
    const v = parsed.values[k];
    return typeof v === "string" && v !== "" ? [{ kind: k, file: path.resolve(io.cwd, v), shown: v }] : [];
  });
  if (outputs.length === 0) {
    io.err(`${text.noOutput}\n\n${text.usage}`);
    return EXIT.unreadable;
  }

  // Never write over the input, nor two outputs into one file (other spellings, symlinks, hard links).
  const inputAbs = path.resolve(io.cwd, input);
  for (const [i, j] of await sameFiles([inputAbs, ...outputs.map((o) => o.file)])) {
    io.err(i === 0 ? cliText.outputIsInput(outputs[j - 1]!.shown, input) : cliText.outputTwice(outputs[i - 1]!.shown, outputs[j - 1]!.shown));
    return EXIT.unreadable;
  }

  // The PDF fonts are cut to the report's characters on the other core (fontFitWorkerNode); bin
  // started the worker before the CLI loaded, or it starts now.
  const fontsDir = defaultFontsDir();
  const cacheDir = defaultCutCacheDir();
  const fonts = outputs.some((o) => o.kind === "pdf") ? pdfFonts(fontsDir, cacheDir, fontFitterFor(fontsDir, cacheDir)) : undefined;
  const loaded = await loadReportFile(inputAbs);
  if (!loaded.ok) {
    io.err(loaded.error);
    return EXIT.unreadable;
  }
  // What the PDF will draw is known now.
  if (fonts) fonts.prepare(buildDocument(loaded.report));
  const findings = findingsFor(loaded, null);
  const force = parsed.values.force === true;
  const counts = countBySeverity(findings);
  for (const l of formatFindings(findings)) io.err(l);
  io.err(text.summary(counts.error, counts.warning));
  if (counts.error > 0 && !force) {
    io.err(text.blocked(counts.error));
    return EXIT.errors;
  }
  if (counts.error > 0) io.err(text.forced(counts.error));

  if (outputs.some((o) => o.kind === "docx")) {
    // Loaded only for a Word file: docxZipNode brings fflate, whose tables take ~3 ms to build.
    const [{ installNativeDocxZip }, { installFastDocxAttributes }] = await Promise.all([
      import("../../document/docxZipNode"),
      import("../../document/docxAttributesNode"),
    ]);
    for (const install of [installNativeDocxZip, installFastDocxAttributes]) {
      try {
        install();
      } catch {
        /* docx as it is, slower */
      }
    }
  }
  let status: number = EXIT.ok;
  for (const out of outputs) {
    const res = await exportReport(loaded.report, out.kind, { confirmErrors: force, findings, fontSource: fonts?.source });
    if (res.status !== "ok") {
      // Only the glyph check (or unloadable fonts) can stop an export here: list what it found.
      const own: Finding[] = res.findings.filter((f) => f.rule === "EXPORT.GLYPH");
      for (const f of own) io.err(text.finding(f.severity, f.rule, printable(f.message)));
      io.err(res.status === "refused" && own.length ? text.pdfRefused(out.shown) : res.message);
      status = Math.max(status, EXIT.errors);
      continue;
    }
    for (const f of res.findings.filter((x) => x.rule === "EXPORT.GLYPH")) io.err(text.finding(f.severity, f.rule, printable(f.message)));
    try {
      await writeOutput(out.file, res.file.bytes);
    } catch (e) {
      const code = e instanceof FsFailure ? e.code : ((e as NodeJS.ErrnoException).code ?? "EIO");
      const at = e instanceof FsFailure ? e.at : out.file;
      io.err(text.cannotWrite(out.shown, cliText.fsError(code, at)));
      status = EXIT.unreadable;
      continue;
    }
    io.out(text.written(EXPORT_KINDS[out.kind].label, out.shown));
  }
  return status;
}

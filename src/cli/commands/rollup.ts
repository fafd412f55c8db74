/**
 * `xxgk-report rollup <folder> --year Y [--roster 名单] [--out 汇总.xlsx] [--prior <folder>]
 * [--parent <file>] [--threshold 0.5] [--json]`: the 政务公开办's January in one command. Every
 * report in the folder is read and checked as `check` does, matched to the roster, summed, and
 * compared for copied text (src/workflow/rollup). Exit codes: 0 every roster unit reported and
 * passed; 1 something to chase (errors, missing, unreadable, wrong year, copied text); 2 the
 * folder, the roster or the parent report cannot be used.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { cellInfo, type Report } from "../../report";
import { createRollup, DEFAULT_SIMILAR_THRESHOLD, KEY_NUMBERS, parentDifferences, rosterFromGrid, rosterFromSheets, type ParentDifference, type RollupResult, type RosterUnit } from "../../workflow/rollup";
import { parse } from "../args";
import { EXIT, type CliIO } from "../io";
import { loadReportFile, loadReportFiles, MAX_INPUT_BYTES } from "../load";
import { unplaced } from "../../workflow/rollup/shown";
import { cliText } from "../messages";
import { canonical, sameFiles } from "../paths";
import { printable } from "../terminal";
import { findingsFor, listReports } from "./check";
import { ROLLUP_CLI as T } from "./rollupMessages";

async function readRoster(file: string): Promise<RosterUnit[] | { error: string }> {
  let bytes: Uint8Array;
  try {
    const st = await stat(file);
    if (!st.isFile() || st.size > MAX_INPUT_BYTES) return { error: cliText.notAFile(file) };
    bytes = new Uint8Array(await readFile(file));
  } catch {
    return { error: cliText.cannotRead(file) };
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    const { xlsxGrids } = await import("../../ledger/file");
    const sheets = await xlsxGrids(bytes);
    if ("error" in sheets) return { error: sheets.error };
    return rosterFromSheets(sheets);
  }
  if (ext === ".csv") {
    const { parseCsv } = await import("../../ledger/csv");
    return rosterFromGrid(parseCsv(bytes));
  }
  const { decodeBytes } = await import("../../import/decode");
  try {
    return rosterFromGrid(decodeBytes(bytes).text.split(/\r?\n/).map((l) => [l]));
  } catch {
    return { error: cliText.broken(file) };
  }
}

function parsePositiveYear(text: string | undefined): number | null {
  const y = Number(text);
  return text !== undefined && /^\d{4}$/.test(text) && y >= 2008 && y <= 2200 ? y : null;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parse(args, {
    json: { type: "boolean" },
    year: { type: "string" },
    roster: { type: "string" },
    out: { type: "string" },
    prior: { type: "string" },
    parent: { type: "string" },
    threshold: { type: "string" },
    force: { type: "boolean" },
  });
  if ("error" in parsed) {
    io.err(`${parsed.error}\n\n${cliText.usage}`);
    return EXIT.unreadable;
  }
  const v = parsed.values;
  const json = v.json === true;
  const fail = (message: string): number => {
    if (json) io.out(JSON.stringify({ error: message }));
    io.err(message);
    return EXIT.unreadable;
  };
  const folder = parsed.positionals[0];
  if (!folder) return fail(`${T.missingFolder}\n\n${cliText.usage}`);
  if (typeof v.year !== "string") return fail(T.missingYear);
  const year = parsePositiveYear(v.year);
  if (year === null) return fail(T.badYear(v.year));
  const threshold = typeof v.threshold === "string" ? Number(v.threshold) : undefined;
  if (threshold !== undefined && !(threshold > 0 && threshold <= 1)) return fail(T.badThreshold(String(v.threshold)));

  const abs = path.resolve(io.cwd, folder);
  if (!(await stat(abs).then((s) => s.isDirectory(), () => false))) return fail(T.notAFolder(printable(folder)));

  let roster: RosterUnit[] | null = null;
  if (typeof v.roster === "string") {
    const r = await readRoster(path.resolve(io.cwd, v.roster));
    if ("error" in r) return fail(T.rosterUnreadable(printable(v.roster), r.error));
    if (r.length === 0) return fail(T.rosterEmpty(printable(v.roster)));
    roster = r;
  }
  let parent: Report | null = null;
  if (typeof v.parent === "string") {
    const p = await loadReportFile(path.resolve(io.cwd, v.parent));
    if (!p.ok) return fail(T.parentUnreadable(printable(v.parent), p.error));
    parent = p.report;
  }

  // Files the command itself was given (roster, parent, output) are not units' reports.
  const own = new Set(await Promise.all([v.roster, v.parent, v.out].filter((x): x is string => typeof x === "string").map((f) => canonical(path.resolve(io.cwd, f)))));
  const rollup = createRollup({ year, roster, ...(threshold !== undefined ? { threshold } : {}) });
  const listed = await listReports(abs);
  const files: string[] = [];
  for (const item of listed) {
    if ("file" in item) {
      if (!own.has(await canonical(item.file))) files.push(item.file);
    } else if ("unreadableDir" in item) rollup.addUnreadable(path.relative(abs, item.unreadableDir), cliText.unreadableFolder(path.relative(abs, item.unreadableDir)));
  }
  const progress = files.length > 20 ? io.progress : undefined;
  let k = 0;
  for await (const loaded of loadReportFiles(files)) {
    if (progress && k % 10 === 0) progress(T.progress(k, files.length));
    k++;
    const rel = path.relative(abs, loaded.file);
    if (!loaded.ok) rollup.addUnreadable(rel, loaded.error.split("\n")[0]!);
    else rollup.add({ file: rel, report: loaded.report, findings: findingsFor(loaded, null) });
  }
  if (progress) {
    progress(T.progress(files.length, files.length));
    io.err("");
  }

  if (typeof v.prior === "string") {
    const priorDir = path.resolve(io.cwd, v.prior);
    const priorFiles = (await listReports(priorDir)).flatMap((item) => ("file" in item ? [item.file] : []));
    for await (const loaded of loadReportFiles(priorFiles)) {
      if (loaded.ok) rollup.addPrior({ file: path.relative(priorDir, loaded.file), report: loaded.report, findings: [] });
    }
  }
  const result = rollup.finish();
  const diffs = parent ? parentDifferences(parent, result.totals.cells) : null;

  if (typeof v.out === "string") {
    // Never over anything this run read (--force or not): a unit's report, the roster, the parent.
    const outAbs = path.resolve(io.cwd, v.out);
    const inputs = [...files, ...[v.roster, v.parent].filter((x): x is string => typeof x === "string").map((f) => path.resolve(io.cwd, f))];
    const clash = (await sameFiles([outAbs, ...inputs])).find(([i]) => i === 0);
    if (clash) return fail(cliText.outputIsInput(printable(v.out), printable(path.relative(io.cwd, inputs[clash[1] - 1]!))));
    const { writeRollupWorkbook } = await import("./rollupWorkbook");
    const wrote = await writeRollupWorkbook(path.resolve(io.cwd, v.out), result, v.force === true);
    if (!wrote.ok) return fail(wrote.error);
    if (!json) io.out(T.wrote(printable(v.out)));
  }

  if (json) {
    const { units, missing, unreadable, totals, similar } = result;
    io.out(JSON.stringify({ units, missing, unreadable, totals, similar, ...(diffs ? { parent: diffs } : {}) }));
  } else {
    for (const line of plainLines(result, roster?.length ?? null, files.length, diffs, threshold ?? DEFAULT_SIMILAR_THRESHOLD)) io.out(printable(line));
  }
  const chase = result.units.some((u) => u.verdict !== "通过" || !u.inTotals) || result.missing.length > 0 || result.unreadable.length > 0 || result.similar.length > 0;
  return chase ? EXIT.errors : EXIT.ok;
}

function plainLines(r: RollupResult, rosterSize: number | null, files: number, diffs: ParentDifference[] | null, threshold: number): string[] {
  const out = [T.head(r.year, rosterSize, files)];
  const chase = r.units.filter((u) => u.verdict !== "通过" || !u.inTotals);
  if (chase.length) {
    out.push(T.chaseHead(chase.length));
    for (const u of chase) {
      const mark = u.verdict === "无法读取" ? "?" : u.verdict === "有错误" ? "✗" : "!";
      const desc = [T.verdictDesc(u.verdict, u.errors, u.warnings), u.note].filter((x) => x).join("；");
      out.push(T.unit(mark, u.name, u.file, desc));
    }
  }
  if (r.missing.length) out.push(T.missingHead(r.missing.length), `  ${r.missing.map((m) => m.name).join("、")}`);
  const lost = unplaced(r);
  if (lost.length) {
    out.push(T.unplacedHead(lost.length));
    for (const x of lost) out.push(T.unplaced(x.file, x.reason));
  }
  const passed = r.units.filter((u) => u.verdict === "通过" && u.inTotals);
  if (passed.length) out.push(T.passedHead(passed.length), `  ${passed.map((u) => u.name).join("、")}`);

  const t = r.totals;
  out.push(T.totalsHead(t.units));
  const sumOf = (keys: readonly string[]) => (keys.some((k) => t.cells[k] === null) ? null : keys.reduce((s, k) => s + (t.cells[k] ?? 0), 0));
  out.push(T.keyLine(Object.entries(KEY_NUMBERS).map(([label, keys]) => T.keyPart(label, sumOf(keys)))));
  const blankCounts = Object.values(t.blanks);
  if (blankCounts.length) out.push(T.blanks(blankCounts.length, blankCounts.reduce((a, b) => a + b, 0)));
  const incomplete = Object.entries(t.incomplete);
  if (incomplete.length) {
    out.push(T.incompleteHead(incomplete.length));
    for (const [key, units] of incomplete) out.push(T.incomplete(cellInfo(key)?.label ?? key, units));
  }
  if (t.findings.length === 0) out.push(T.sumsOk);
  else {
    out.push(T.sumsBad(t.findings.length));
    for (const f of t.findings) out.push(`    ${f.message}`);
  }
  if (r.similar.length) {
    out.push(T.similarHead(r.similar.length, threshold));
    for (const p of r.similar) out.push(T.similar(p.a, p.b, p.sections.map((s) => T.similarPart(s.heading, s.ratio))));
  } else out.push(T.noSimilar(threshold));
  if (diffs) {
    if (diffs.length === 0) out.push(T.parentSame);
    else {
      out.push(T.parentHead(diffs.length));
      for (const d of diffs) out.push(T.parentLine(d.label, d.parent, d.sum));
    }
  }
  return out;
}

/**
 * `xxgk-report check <file|folder> [--json] [--prior <file>]`: run every rule on one report, or on
 * each report in a folder (one line per file and a summary, for the office collecting all units).
 */
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { cellsOf, countBySeverity, interpret, type Finding, type FormatId, type Report } from "../../report";
import { checkRules, mergeFindings } from "../../workflow/check";
import { parse } from "../args";
import { EXIT, type CliIO } from "../io";
import { loadReportFile, loadReportFiles, SUPPORTED_EXTENSIONS, type Loaded } from "../load";
import { cliText } from "../messages";
import { printable } from "../terminal";
import { placeNamer, whereText, type PlaceNamer } from "../places";

export interface CheckResult {
  format: Report["format"];
  year: number | null;
  agency: string | null;
  cells: Record<string, number | null>;
  /** Cells the importer could not read (null in `cells`, never judged). */
  unread: string[];
  findings: Finding[];
}

/** The JSON shape of one checked report (the CLI's stable output contract). */
export function toResult(report: Report, findings: Finding[]): CheckResult {
  const cells: Record<string, number | null> = {};
  const unread = new Set(report.unread ?? []);
  for (const c of cellsOf(report.format)) {
    const i = interpret(report.cells[c.key], c.type);
    cells[c.key] = i.kind === "number" && !unread.has(c.key) ? i.value : null;
  }
  return { format: report.format, year: report.meta.year, agency: report.meta.agency, cells, unread: [...unread], findings };
}

export function findingsFor(loaded: Extract<Loaded, { ok: true }>, prior: Report | null): Finding[] {
  return mergeFindings(loaded.findings, checkRules(loaded.report, prior));
}

const TABLE_OF = (key: string) =>
  key.startsWith("T2.") ? "表二" : key.startsWith("T3.") ? "表三" : key.startsWith("T4.") ? "表四" : "";

/** Human-readable list: blank-cell warnings collapse into one line per table. */
export function formatFindings(findings: Finding[], name: PlaceNamer = placeNamer("2021", null), format: FormatId = "2021"): string[] {
  const lines: string[] = [];
  const blanks = new Map<string, number>();
  for (const f of findings) {
    if (f.rule === "CELL.BLANK") {
      const t = TABLE_OF(f.cells[0] ?? "");
      blanks.set(t, (blanks.get(t) ?? 0) + 1);
      continue;
    }
    const where = whereText(f, name, format);
    // A message may quote a cell: its newlines must not start a line of their own.
    lines.push(`  ${f.severity === "error" ? "✗" : f.severity === "warning" ? "!" : "·"} ${cliText.severity[f.severity]} [${f.rule}] ${printable(f.message)}${where}`);
  }
  for (const [t, n] of blanks) lines.push(`  ! ${cliText.severity.warning} [CELL.BLANK] ${cliText.blankGroup(n, t)}`);
  return lines;
}

/** What a folder walk finds: report files, folders it could not read, symlinked folders it skipped. */
export type Listed = { file: string } | { unreadableDir: string } | { linkDir: string };

/**
 * Report files under dir, depth first. A folder that cannot be read is listed as such and the
 * walk goes on; symlinked folders are not entered (no loops, no file counted twice) but listed,
 * so the batch says what it skipped. Symlinked files are read like files.
 */
export async function listReports(dir: string): Promise<Listed[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [{ unreadableDir: dir }];
  }
  const out: Listed[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      for (const x of await listReports(p)) out.push(x);
    } else if (e.isSymbolicLink() && (await stat(p).then((s) => s.isDirectory(), () => false))) {
      out.push({ linkDir: p });
    } else if (SUPPORTED_EXTENSIONS.includes(path.extname(e.name).toLowerCase()) && !e.name.startsWith("~$")) {
      out.push({ file: p });
    }
  }
  const key = (x: Listed) => ("file" in x ? x.file : "unreadableDir" in x ? x.unreadableDir : x.linkDir);
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parse(args, { json: { type: "boolean" }, prior: { type: "string" }, details: { type: "boolean", short: "v" } });
  if ("error" in parsed) {
    io.err(`${parsed.error}\n\n${cliText.usage}`);
    return EXIT.unreadable;
  }
  const target = parsed.positionals[0];
  if (!target) {
    io.err(`${cliText.missingFile}\n\n${cliText.usage}`);
    return EXIT.unreadable;
  }
  const json = parsed.values.json === true;
  const abs = path.resolve(io.cwd, target);

  let prior: Report | null = null;
  if (typeof parsed.values.prior === "string") {
    const p = await loadReportFile(path.resolve(io.cwd, parsed.values.prior));
    if (p.ok) prior = p.report;
    else {
      io.err(`${cliText.priorUnreadable(parsed.values.prior)}\n${p.error}`);
      return EXIT.unreadable;
    }
  }

  const isDir = await stat(abs).then((s) => s.isDirectory(), () => false);
  if (isDir) return runBatch(abs, target, prior, json, io, parsed.values.details === true);

  const loaded = await loadReportFile(abs);
  if (!loaded.ok) {
    if (json) io.out(JSON.stringify({ error: loaded.error }));
    io.err(loaded.error);
    return EXIT.unreadable;
  }
  const findings = findingsFor(loaded, prior);
  const counts = countBySeverity(findings);
  if (json) {
    io.out(JSON.stringify(toResult(loaded.report, findings)));
  } else {
    const m = loaded.report.meta;
    io.out(cliText.header(printable(target), loaded.report.format, m.year, m.agency === null ? null : printable(m.agency)));
    const format = loaded.report.format;
    for (const l of formatFindings(findings, placeNamer(format, loaded.sheetNames ?? null), format)) io.out(l);
    io.out(cliText.summary(counts.error, counts.warning));
  }
  return counts.error > 0 ? EXIT.errors : EXIT.ok;
}

async function runBatch(abs: string, shown: string, prior: Report | null, json: boolean, io: CliIO, details = false): Promise<number> {
  const listed = await listReports(abs);
  if (listed.length === 1 && "unreadableDir" in listed[0]! && listed[0].unreadableDir === abs) {
    io.err(cliText.unreadableFolder(printable(shown)));
    return EXIT.unreadable;
  }
  const files = listed.filter((x) => !("linkDir" in x));
  if (files.length === 0) {
    for (const x of listed) if ("linkDir" in x && !json) io.out(cliText.batchLine("-", printable(path.relative(abs, x.linkDir)), cliText.skippedLink(printable(path.relative(abs, x.linkDir)))));
    io.err(cliText.emptyFolder(printable(shown)));
    return EXIT.unreadable;
  }
  const results: Array<Record<string, unknown>> = [];
  let ok = 0;
  let bad = 0;
  let unreadable = 0;
  // The files in listing order, read ahead while each is checked.
  const loads = loadReportFiles(listed.flatMap((item) => ("file" in item ? [item.file] : [])));
  for (const item of listed) {
    if ("linkDir" in item) {
      const rel = path.relative(abs, item.linkDir);
      results.push({ file: rel, status: "skipped", error: cliText.skippedLink(rel) });
      if (!json) io.out(cliText.batchLine("-", printable(rel), cliText.skippedLink(printable(rel))));
      continue;
    }
    if ("unreadableDir" in item) {
      const rel = path.relative(abs, item.unreadableDir);
      unreadable++;
      results.push({ file: rel, status: "unreadable", error: cliText.unreadableFolder(rel) });
      if (!json) io.out(cliText.batchLine("?", printable(rel), cliText.unreadableFolder(printable(rel))));
      continue;
    }
    const rel = path.relative(abs, item.file);
    const loaded = (await loads.next()).value as Loaded;
    if (!loaded.ok) {
      unreadable++;
      results.push({ file: rel, status: "unreadable", error: loaded.error });
      if (!json) io.out(cliText.batchLine("?", printable(rel), printable(loaded.error.split("\n")[0]!)));
      continue;
    }
    const findings = findingsFor(loaded, prior);
    const c = countBySeverity(findings);
    if (c.error > 0) bad++;
    else ok++;
    const m = loaded.report.meta;
    results.push({
      file: rel,
      status: c.error > 0 ? "errors" : "ok",
      format: loaded.report.format,
      year: m.year,
      agency: m.agency,
      errors: c.error,
      warnings: c.warning,
      findings,
    });
    if (!json) io.out(cliText.batchLine(c.error > 0 ? "✗" : "✓", printable(rel), printable(cliText.batchDesc(m.agency, m.year, c.error, c.warning))));
    if (!json && details) {
      // --details: the file's findings under its line, as `check <file>` prints them.
      const format = loaded.report.format;
      for (const l of formatFindings(findings, placeNamer(format, loaded.sheetNames ?? null), format)) io.out(`  ${printable(l)}`);
    }
  }
  const summary = { files: files.length, ok, errors: bad, unreadable };
  if (json) io.out(JSON.stringify({ files: results, summary }));
  else io.out(cliText.batchSummary(files.length, ok, bad, unreadable));
  return unreadable > 0 ? EXIT.unreadable : bad > 0 ? EXIT.errors : EXIT.ok;
}

/**
 * `xxgk-report ledger <file.xlsx|file.csv> --year Y [--json] [--today YYYY-MM-DD] [--columns 标题=列名,…]`:
 * count a register into 表三 and 表四 (the same cell keys as `check --json`) and list the
 * register's findings (unreadable rows, deadlines, rows of other years; for the template's own
 * workbook also where its 表三/表四 differ, as the pane says it). Exit codes as `check`.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { FORMAT_2021, countBySeverity, t3Key, t4Key, type Finding, type Report } from "../../report";
import { APP_COLUMNS, CASE_COLUMNS, countNotes, countRegister, loadRegisterFile, matchFindings, parseDate, registerFindings, type UserMapping } from "../../ledger";
import { parse } from "../args";
import { EXIT, type CliIO } from "../io";
import { cliText } from "../messages";
import { printable } from "../terminal";
import { MAX_INPUT_BYTES } from "../load";
import { formatFindings } from "./check";
import { LEDGER_CLI } from "./ledgerMessages";

/** "收到日期=受理时间,办理结果=答复类型" → field → header text. */
function parseColumns(spec: string): UserMapping | { error: string } {
  const out: UserMapping = {};
  for (const part of spec.split(/[,，;；]/).map((s) => s.trim()).filter(Boolean)) {
    const [title, header] = part.split(/[=＝]/).map((s) => s?.trim());
    const def = [...APP_COLUMNS, ...CASE_COLUMNS].find((d) => d.title === title);
    if (!def || !header) return { error: LEDGER_CLI.badColumns(part) };
    out[def.field] = header;
  }
  return out;
}

/** Columns a text takes in a terminal: CJK characters and full-width forms take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const padLabel = (text: string, width: number) => text + " ".repeat(Math.max(0, width - displayWidth(text)));

/** The matrix as a clerk reads a table: each row's label first, then its numbers under the column heads. */
function matrixLines(cells: Record<string, number>): string[] {
  const t3 = FORMAT_2021.table3;
  const width = Math.max(...t3.rows.map((r) => displayWidth(r.short)));
  const lines = [LEDGER_CLI.t3Head(t3.columns.map((c) => c.label))];
  for (const r of t3.rows) lines.push(`  ${padLabel(r.short, width)} ${t3.columns.map((c) => String(cells[t3Key(r.code, c.code)] ?? 0).padStart(6)).join(" ")}`);
  lines.push(LEDGER_CLI.t4Head);
  const gWidth = Math.max(...FORMAT_2021.table4.groups.map((g) => displayWidth(g.short)));
  for (const g of FORMAT_2021.table4.groups) {
    lines.push(`  ${padLabel(g.short, gWidth)}  ${g.columns.map((c) => `${c.label} ${cells[t4Key(c.code)] ?? 0}`).join("  ")}`);
  }
  return lines;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const parsed = parse(args, { json: { type: "boolean" }, year: { type: "string" }, today: { type: "string" }, columns: { type: "string" } });
  if ("error" in parsed) {
    io.err(`${parsed.error}\n\n${cliText.usage}`);
    return EXIT.unreadable;
  }
  const target = parsed.positionals[0];
  if (!target) {
    io.err(`${LEDGER_CLI.missingFile}\n\n${cliText.usage}`);
    return EXIT.unreadable;
  }
  const json = parsed.values.json === true;
  const fail = (message: string): number => {
    if (json) io.out(JSON.stringify({ error: message }));
    // The message may quote a header or a cell of the register: one line, whatever it holds.
    io.err(printable(message));
    return EXIT.unreadable;
  };
  const yearText = typeof parsed.values.year === "string" ? parsed.values.year : null;
  const year = yearText === null ? null : Number(yearText);
  if (yearText !== null && !(Number.isInteger(year) && year! >= 2008 && year! <= 2200)) return fail(LEDGER_CLI.badYear(yearText));
  let today: number | undefined;
  if (typeof parsed.values.today === "string") {
    const p = parseDate(parsed.values.today);
    if (!p.ok || p.day === null) return fail(LEDGER_CLI.badToday(parsed.values.today));
    today = p.day;
  }
  let mapping: UserMapping | undefined;
  if (typeof parsed.values.columns === "string") {
    const m = parseColumns(parsed.values.columns);
    if ("error" in m) return fail(m.error as string);
    mapping = m;
  }

  const abs = path.resolve(io.cwd, target);
  const ext = path.extname(abs).toLowerCase();
  if (ext !== ".xlsx" && ext !== ".xlsm" && ext !== ".csv") return fail(LEDGER_CLI.badKind(target));
  let data: Buffer;
  try {
    const st = await stat(abs);
    if (!st.isFile()) return fail(cliText.notAFile(target));
    // The same input cap as check: a register is a few MB at most.
    if (st.size > MAX_INPUT_BYTES) return fail(cliText.tooBig(printable(target), MAX_INPUT_BYTES / 1024 / 1024));
    data = await readFile(abs);
  } catch {
    return fail(cliText.cannotRead(target));
  }
  const bytes = new Uint8Array(data);

  // The year: --year, else the template's 报告年度. A template's own 表三/表四 are compared with
  // its registers as the pane and `check` do (LEDGER.MATCH).
  let reportYear = year;
  let workbook: Report | null = null;
  if (ext !== ".csv") {
    try {
      const { readWorkbook } = await import("../../template/index");
      workbook = (await readWorkbook(bytes)).report;
    } catch {
      workbook = null;
    }
    reportYear ??= workbook?.meta.year ?? null;
  }
  if (reportYear === null) return fail(LEDGER_CLI.missingYear);

  let loaded;
  try {
    loaded = await loadRegisterFile(ext === ".csv" ? "csv" : "xlsx", bytes, ext === ".csv" ? `“${path.basename(abs)}”` : path.basename(abs), { year: reportYear, ...(mapping ? { mapping } : {}) });
  } catch {
    return fail(cliText.broken(printable(target)));
  }
  if ("error" in loaded) return fail(loaded.error);
  const { register } = loaded;
  const derived = countRegister(register.applications, register.cases, reportYear);
  const findings: Finding[] = [
    ...loaded.findings,
    ...registerFindings(register, reportYear, today === undefined ? {} : { today }),
    ...countNotes(register, reportYear, derived),
    ...(workbook?.registers && workbook.meta.year === reportYear ? matchFindings(workbook, register, derived) : []),
  ];
  const counts = countBySeverity(findings);
  if (json) {
    io.out(JSON.stringify({ year: reportYear, cells: derived.cells, counted: derived.counted, ignored: derived.ignored, findings }));
  } else {
    io.out(LEDGER_CLI.header(printable(target), reportYear, derived.counted, derived.ignored));
    for (const l of matrixLines(derived.cells)) io.out(l);
    for (const l of formatFindings(findings)) io.out(l);
    io.out(cliText.summary(counts.error, counts.warning));
  }
  return counts.error > 0 ? EXIT.errors : EXIT.ok;
}


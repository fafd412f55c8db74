/**
 * From blocks (paragraphs and tables, in reading order) to a report: title and metadata, the
 * opening, the six sections, the three tables; with findings for whatever could not be placed.
 * The one reader behind every front end.
 */
import {
  cellsOf,
  emptyReport,
  periodYears,
  SECTIONS,
  TABLE_NAMES,
  type Finding,
  type Report,
  type SectionKey,
} from "../report";
import type { Block, TableBlock } from "./blocks";
import { cellKind, ruleNoise } from "./cells";
import { MAX_DOCUMENT_ROWS } from "./limits";
import { shownLabel } from "./labels";
import { isTitleLike, parseTitle, type TitleMeta } from "./meta";
import { importText } from "./messages";
import { classifyGrid, recogniseTables, splitGrid, type ReportTables } from "./recognise";
import { findHeadings, type HeadingHit } from "./sections";
import { TABLE_LABELS, type TableNo } from "./vocabulary";

export interface DocumentHints {
  /** Title candidates from outside the text (page title, meta tags, file name), best first. */
  titles?: string[];
}

export interface DocumentResult {
  report: Report;
  findings: Finding[];
  recognised: boolean;
}

/** Portal furniture that sometimes sits between the title and the report. */
const NOISE = /^(发布(时间|日期|机构|单位)|来源|信息来源|浏览次数|访问量|点击数|字号|【\s*字体|打印|关闭|分享到|索引号|文号|主题分类|发文机关|成文日期)/;

/** Input beyond a bound: nothing read, one finding saying why. */
export function refused(message: string): DocumentResult {
  return { report: emptyReport("2021"), findings: [{ rule: "IMPORT.MISSING", severity: "error", cells: [], message }], recognised: false };
}

export function readDocument(blocks: readonly Block[], hints: DocumentHints = {}): DocumentResult {
  let rows = 0;
  for (const b of blocks) if (b.kind === "table") rows += b.rows.length;
  if (rows > MAX_DOCUMENT_ROWS) return refused(importText.tooManyRows(rows, MAX_DOCUMENT_ROWS));
  const texts = blocks.map((b) => (b.kind === "para" ? b.text : null));
  const headings = findHeadings(texts);
  const grids: { index: number; table: TableNo | null; block: TableBlock }[] = [];
  blocks.forEach((b, index) => {
    if (b.kind !== "table") return;
    for (const rows of splitGrid(b.rows)) grids.push({ index, table: classifyGrid(rows), block: { kind: "table", rows } });
  });
  const reportGrids = grids.filter((g) => g.table !== null);

  if (headings.length < 2 && reportGrids.length === 0) {
    const report = emptyReport("2021");
    return { report, findings: [{ rule: "IMPORT.MISSING", severity: "error", cells: [], message: importText.unrecognised() }], recognised: false };
  }

  const findings: Finding[] = [];
  const firstHeading = headings[0]?.index ?? firstTableIndex(reportGrids) ?? blocks.length;

  // ---- title, metadata, opening
  let titleIndex = -1;
  let titleText: string | null = null;
  for (let i = 0; i < firstHeading; i++) {
    const t = texts[i];
    if (t && isTitleLike(t)) {
      titleIndex = i;
      titleText = t;
      break;
    }
    // A title broken between its phrases ("某区2023年" / "政府信息公开工作年度报告"), as our own
    // Word export and many published documents set it.
    const next = i + 1 < firstHeading ? texts[i + 1] : undefined;
    if (t && next && /\d{4}|[〇零一二三四五六七八九]{4}/.test(t) && !/报告/.test(t) && /^\s*(?:政府信息公开|政务公开|信息公开).*报告/.test(next) && isTitleLike(`${t}${next}`)) {
      titleIndex = i + 1;
      titleText = `${t}${next}`;
      break;
    }
  }
  let meta: TitleMeta | null = titleText !== null ? parseTitle(titleText) : null;
  // A title set on two lines: the agency alone above "2023年政府信息公开工作年度报告".
  const above = titleIndex > 0 ? texts[titleIndex - 1] : null;
  if (meta && meta.agency === null && above && isAgencyLine(above)) {
    meta = parseTitle(`${above}${texts[titleIndex]!}`);
  }
  if (!meta) {
    const hinted = (hints.titles ?? []).find(isTitleLike);
    if (hinted) meta = parseTitle(hinted);
  }
  const opening: string[] = [];
  for (let i = titleIndex + 1; i < firstHeading; i++) {
    const t = texts[i];
    if (t && !NOISE.test(t)) opening.push(t);
  }

  // ---- tables: grids of the same table (a table split by a page break) are joined
  const tables: ReportTables = {};
  grids.forEach((g, gi) => {
    if (g.table === null) {
      const hasNumbers = g.block.rows.some((r) => r.some((c) => cellKind(c) === "number"));
      if (hasNumbers) {
        const first = g.block.rows.flat().find((c) => c.trim() !== "") ?? "";
        findings.push({ rule: "IMPORT.UNPLACED", severity: "warning", cells: [], message: importText.unknownTable(gi + 1, shownLabel(first)) });
      }
      return;
    }
    tables[g.table] = [...(tables[g.table] ?? []), ...g.block.rows];
  });
  const recognised = recogniseTables(tables);
  const report = emptyReport(recognised.format);
  Object.assign(report.cells, recognised.cells);
  const unread = new Set(recognised.unread);
  const fromImage = recognisedText(blocks);

  // ---- sections
  const sectionOf = new Map<SectionKey, { hit: HeadingHit; body: string[] }>();
  headings.forEach((h, i) => {
    const end = headings[i + 1]?.index ?? blocks.length;
    const body: string[] = [];
    for (let j = h.index + 1; j < end; j++) {
      const t = texts[j];
      if (t) body.push(t);
    }
    sectionOf.set(h.hit.def.key, { hit: h.hit, body });
  });
  for (const s of SECTIONS) {
    const found = sectionOf.get(s.key);
    const tableFound = s.table !== undefined && tables[s.table] !== undefined;
    if (found) {
      report.sections[s.key] = { heading: found.hit.found, text: found.body.join("\n") };
      if (found.hit.approx) {
        findings.push({ rule: "IMPORT.UNPLACED", severity: "info", cells: [s.key], message: importText.headingApprox(found.hit.found, s.heading) });
      }
    } else if (tableFound) {
      report.sections[s.key] = { heading: s.heading, text: "" };
    }
    if (s.table !== undefined && !tableFound) {
      // Its heading is there and its row labels too, or the text was recognised from a scan (where
      // a table lost proves nothing): the table was not read, which says nothing against the report.
      const unreadTable = found !== undefined && (fromImage || labelLines(found.body, s.table) >= 2);
      findings.push(
        unreadTable
          ? { rule: "IMPORT.MISSING", severity: "warning", cells: [s.key], message: importText.unreadTable(TABLE_NAMES[s.table], s.heading) }
          : { rule: "IMPORT.MISSING", severity: "error", cells: [s.key], message: importText.missingTable(TABLE_NAMES[s.table], s.heading) },
      );
      for (const c of cellsOf(report.format)) if (c.table === s.table) unread.add(c.key);
    } else if (!found && s.table === undefined) {
      findings.push({ rule: "IMPORT.MISSING", severity: "warning", cells: [s.key], message: importText.missingSection(s.heading) });
    }
  }

  // ---- metadata
  report.opening = opening.length ? opening.join("\n") : null;
  if (meta) {
    report.meta.title = meta.title;
    report.meta.agency = meta.agency;
    report.meta.year = meta.year;
    if (meta.year === null) findings.push({ rule: "IMPORT.MISSING", severity: "warning", cells: ["META.YEAR"], message: importText.titleWithoutYear(meta.title) });
  } else {
    findings.push({ rule: "IMPORT.MISSING", severity: "warning", cells: ["META.TITLE"], message: importText.noTitle() });
    const years = periodYears(report.opening ?? "");
    if (years.length) report.meta.year = years[0]!;
  }

  for (const f of recognised.findings) findings.push(f);
  if (unread.size) {
    // A guess is never handed on (to an export, the workbook or the JSON): the cell stays empty, marked.
    for (const key of unread) report.cells[key] = null;
    report.unread = [...unread];
  }
  return { report, findings: capFindings(findings), recognised: true };
}

/** Most findings one import reports; a real report has a handful, a hostile page 10⁵. */
export const MAX_FINDINGS = 500;

/** The first MAX_FINDINGS findings, and one more saying how many were left out. */
export function capFindings(findings: Finding[], max: number = MAX_FINDINGS): Finding[] {
  if (findings.length <= max) return findings;
  const kept = findings.slice(0, max);
  kept.push({ rule: "IMPORT.UNPLACED", severity: "warning", cells: [], message: importText.findingsCapped(max, findings.length) });
  return kept;
}

/** Lines of a section's text that are (close to) a row label of the given table, rules and figures aside. */
function labelLines(lines: readonly string[], table: TableNo): number {
  return lines.filter((l) => {
    const label = l.replace(/[|｜丨\d\s.．]+$/u, "");
    return label.length >= 4 && label.length <= 60 && TABLE_LABELS[table].has(label, "fuzzy");
  }).length;
}

/** Text recognised from page images shows table rules as characters somewhere ("|", "10101010"). */
function recognisedText(blocks: readonly Block[]): boolean {
  return blocks.some((b) => (b.kind === "para" ? ruleNoise(b.text) : b.rows.some((r) => r.some(ruleNoise))));
}

function isAgencyLine(text: string): boolean {
  return text.length >= 2 && text.length <= 40 && !/[。，,；;：:\d]/.test(text) && !NOISE.test(text);
}

function firstTableIndex(grids: readonly { index: number }[]): number | null {
  return grids.length ? grids[0]!.index : null;
}

/**
 * Pane state as plain functions: a reducer over what happened (validation passes, insertions,
 * exports, clicks) and a view model that turns findings into table groups, severity sections and
 * collapsed blank-cell groups. Every feature's state lives here (the controllers under
 * src/pane/controllers keep none of their own). No DOM, no Office: unit-tested in Node.
 */
import type { LedgerSummary } from "./ledgerState";
import type { HostCapabilities, InsertOutcome, ReadOutcome, TemplateRole, TemplateSheets } from "../workbook/port";
import { SECTIONS } from "../report/format";
import { cellInfo } from "../report/keys";
import type { Finding, Report, Severity } from "../report/schema";
import { locate, templateLayout } from "../template/layout";
import { SHEET_NAMES } from "../template/messages";
import { S, type TableGroupId } from "./strings";
import { mergeFindings } from "../workflow/checkCore";
import type { AppliedTransfer, TransferMode, TransferPreview } from "../workflow/transfer";
import type { AppliedLedgerImport, ImportSources, LedgerImportPreview } from "../workflow/registerImport";
import type { SourceReport } from "../workflow/transferPreview";
import type { ExportKind } from "./exportApi";
import { initialRollup, rollupReducer, type RollupAction, type RollupPanel, type RollupSlice } from "./rollupState";

/** Collapse CELL.BLANK warnings of one table into one expandable row from this many on. */
export const BLANK_COLLAPSE_MIN = 3;

/** Reports are written in January about the year before; from November on, offer this year. */
export function defaultReportYear(now: Date): number {
  return now.getMonth() >= 10 ? now.getFullYear() : now.getFullYear() - 1;
}

/**
 * The years the insert form offers, newest first: the year in progress (its register is kept as
 * it goes), the default and the two before it; never a year that has not begun.
 */
export function reportYears(now: Date): number[] {
  const d = defaultReportYear(now);
  return [...new Set([now.getFullYear(), d, d - 1, d - 2])].sort((a, b) => b - a);
}

export const TABLE_ORDER: readonly TableGroupId[] = ["cover", "text", "t2", "t3", "t4", "other"];
const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export type Busy = null | "insert" | "restore" | "docx" | "pdf" | "transfer" | "rollup";
export type NoticeTone = "success" | "info" | "warning" | "error";

export interface Notice {
  tone: NoticeTone;
  text: string;
  /** Optional follow-up, dispatched by id so state stays plain data. */
  action?: { id: string; label: string };
  /** More follow-ups (e.g. the two ways to 撤销 after later edits). */
  actions?: { id: string; label: string }[];
  /** Optional link (e.g. the template file). */
  link?: { href: string; label: string; download?: string };
}

export interface PaneState extends RollupSlice {
  capabilities: HostCapabilities | null;
  /** Nothing read yet. */
  started: boolean;
  validating: boolean;
  report: Report | null;
  /** The 台账 card of that report (the register chunk's, src/pane/registerApi.ts); null without registers. */
  ledger: LedgerSummary | null;
  template: TemplateSheets | null;
  findings: Finding[];
  /** Reading itself failed (the message is already Chinese). */
  readError: string | null;
  busy: Busy;
  /** Ids of expanded blank groups. */
  expanded: readonly string[];
  notice: Notice | null;
  checkedAt: number | null;
  passes: number;
  /** Syncs of the last pass (a pass must be exactly one read sync). */
  lastSyncs: number | null;
  /** The 结转/导入 panel, when open. */
  transfer: TransferPanel | null;
  /** The last confirmed 结转/导入, while it can be undone. */
  applied: AppliedTransfer | null;
  /** What is wrong with the insert form (机关名称 missing), shown at the field. */
  formError: string | null;
  /** Confirmed 结转/导入 so far (the panel forgets pasted text only after one). */
  transferDone: number;
  /** The 导入已有台账 panel in the 台账 section, when open. */
  ledgerImport: LedgerImportPanel | null;
  /** What the open 结转/导入 preview was built from (kept to rebuild it against a changed workbook). */
  transferSource: TransferSource | null;
  /** Last year's full report after a 结转 in this session (adds TEXT.SIMILAR to the kept figures). */
  priorReport: Report | null;
  /** Keys changed since the last 结转/导入, named by the 撤销 that stopped for them. */
  undoChanged: readonly string[];
  /** 导入已有台账: the file's registers as mapped so far. */
  registerSource: ImportSources | null;
  /** The last 导入已有台账 while it can be undone. */
  registerApplied: AppliedLedgerImport | null;
  /** Register rows changed since that import, named by the 撤销 that stopped for them. */
  registerUndoChanged: readonly string[];
  /** The export the clerk chose to make despite errors (asked again after any other answer). */
  confirmedExport: ExportKind | null;
  /** The part the clerk last typed into (its findings are listed first). */
  editedGroup: TableGroupId | null;
  /** `passes` when the notice was shown: the pass right after it reflects the pane's own write. */
  noticePass: number;
}

/** A source file read (with the importer's findings), or the workbook's own registers (按台账填写). */
export type TransferSource = { kind: "file"; source: SourceReport; findings: Finding[] } | { kind: "ledger" };

export type LedgerImportPanel =
  | { step: "file"; reading: string | null; error: string | null }
  | { step: "map"; preview: LedgerImportPreview; busy: boolean };

export type TransferPanel =
  | {
      step: "choose";
      mode: TransferMode;
      /** What is being read, while it is. */
      reading: string | null;
      error: { message: string; details: string[] } | null;
    }
  | {
      step: "preview";
      mode: TransferMode;
      preview: TransferPreview;
      /** Conflict keys the clerk ticked (none by default: never overwrite without asking). */
      accepted: readonly string[];
      busy: boolean;
    };

export const initialState: PaneState = {
  capabilities: null,
  started: false,
  validating: false,
  report: null,
  ledger: null,
  template: null,
  findings: [],
  readError: null,
  busy: null,
  expanded: [],
  notice: null,
  checkedAt: null,
  passes: 0,
  lastSyncs: null,
  transfer: null,
  applied: null,
  formError: null,
  transferDone: 0,
  ledgerImport: null,
  transferSource: null,
  priorReport: null,
  undoChanged: [],
  registerSource: null,
  registerApplied: null,
  registerUndoChanged: [],
  confirmedExport: null,
  editedGroup: null,
  noticePass: 0,
  ...initialRollup,
};

export type Action =
  | { type: "capabilities"; capabilities: HostCapabilities }
  | { type: "validateStart" }
  /** `ledger`: the registers' summary when the workbook has any (absent: none). */
  | { type: "validated"; outcome: ReadOutcome; findings: Finding[]; at: number; ledger?: LedgerSummary | null }
  | { type: "validateFailed"; message: string }
  | { type: "busy"; busy: Busy }
  | { type: "inserted"; outcome: InsertOutcome; templateUrl?: string }
  | { type: "toggle"; id: string }
  | { type: "notice"; notice: Notice | null }
  | { type: "transferOpen"; mode: TransferMode }
  | { type: "transferClose" }
  | { type: "transferReading"; label: string }
  | { type: "transferError"; message: string; details?: string[] }
  | { type: "transferPreview"; preview: TransferPreview }
  | { type: "transferToggle"; key: string }
  | { type: "transferBusy"; busy: boolean }
  | { type: "applied"; applied: AppliedTransfer | null }
  | { type: "formError"; message: string | null }
  | { type: "ledgerImport"; panel: LedgerImportPanel | null }
  | { type: "transferSource"; source: TransferSource | null }
  | { type: "priorReport"; report: Report | null }
  | { type: "undoChanged"; keys: string[] }
  | { type: "registerSource"; source: ImportSources | null }
  | { type: "registerApplied"; applied: AppliedLedgerImport | null }
  | { type: "registerUndoChanged"; keys: string[] }
  | { type: "confirmedExport"; kind: ExportKind | null }
  | RollupAction;

export function reducer(state: PaneState, action: Action): PaneState {
  switch (action.type) {
    case "rollup":
    case "rollupToggle":
    case "rollupApplied":
    case "rollupUndoChanged":
      return rollupReducer(state, action);
    case "capabilities":
      return { ...state, capabilities: action.capabilities };
    case "validateStart":
      return { ...state, validating: true };
    case "validated": {
      const edited = editedGroupOf(state.report, action.outcome.report);
      return {
        ...state,
        editedGroup: edited ?? state.editedGroup,
        notice: staleNotice(state, edited) ? null : state.notice,
        started: true,
        validating: false,
        readError: null,
        report: action.outcome.report,
        ledger: action.ledger ?? null,
        template: action.outcome.template,
        findings: action.findings,
        checkedAt: action.at,
        passes: state.passes + 1,
        lastSyncs: action.outcome.syncs,
        // Forget expansions of groups that no longer exist, keep the others across passes.
        expanded: state.expanded.filter((id) => action.findings.some((f) => f.rule === "CELL.BLANK" && blankGroupId(tableOf(f)) === id)),
      };
    }
    case "validateFailed":
      return { ...state, started: true, validating: false, readError: action.message };
    case "busy":
      return { ...state, busy: action.busy };
    case "inserted":
      return { ...state, busy: null, formError: null, notice: insertNotice(action.outcome, action.templateUrl), noticePass: state.passes };
    case "toggle":
      return {
        ...state,
        expanded: state.expanded.includes(action.id) ? state.expanded.filter((x) => x !== action.id) : [...state.expanded, action.id],
      };
    case "notice":
      return { ...state, notice: action.notice, noticePass: state.passes };
    case "ledgerImport":
      return { ...state, ledgerImport: action.panel };
    case "transferOpen":
      return { ...state, transfer: { step: "choose", mode: action.mode, reading: null, error: null } };
    case "transferClose":
      return { ...state, transfer: null };
    case "transferReading":
      return state.transfer ? { ...state, transfer: { step: "choose", mode: state.transfer.mode, reading: action.label, error: null } } : state;
    case "transferError":
      return state.transfer
        ? { ...state, transfer: { step: "choose", mode: state.transfer.mode, reading: null, error: { message: action.message, details: action.details ?? [] } } }
        : state;
    case "transferPreview":
      return { ...state, transfer: { step: "preview", mode: action.preview.mode, preview: action.preview, accepted: [], busy: false } };
    case "transferToggle": {
      const t = state.transfer;
      if (!t || t.step !== "preview") return state;
      const accepted = t.accepted.includes(action.key) ? t.accepted.filter((k) => k !== action.key) : [...t.accepted, action.key];
      return { ...state, transfer: { ...t, accepted } };
    }
    case "transferBusy": {
      const t = state.transfer;
      return t && t.step === "preview" ? { ...state, transfer: { ...t, busy: action.busy } } : state;
    }
    case "applied":
      return { ...state, applied: action.applied, transferDone: action.applied ? state.transferDone + 1 : state.transferDone };
    case "formError":
      return { ...state, formError: action.message };
    case "transferSource":
      return { ...state, transferSource: action.source };
    case "priorReport":
      return { ...state, priorReport: action.report };
    case "undoChanged":
      return { ...state, undoChanged: action.keys };
    case "registerSource":
      return { ...state, registerSource: action.source };
    case "registerApplied":
      return { ...state, registerApplied: action.applied, registerUndoChanged: [] };
    case "registerUndoChanged":
      return { ...state, registerUndoChanged: action.keys };
    case "confirmedExport":
      return { ...state, confirmedExport: action.kind };
  }
}

export function insertNotice(outcome: InsertOutcome, templateUrl?: string): Notice {
  switch (outcome.kind) {
    case "inserted":
      return { tone: "success", text: [S.template.inserted(outcome.sheets), ...(outcome.notes ?? [])].join("") };
    case "exists":
      return { tone: "info", text: S.template.exists(Object.values(outcome.existing.sheets).filter((x): x is string => !!x)) };
    case "unsupported":
      return {
        tone: "warning",
        text: `${S.template.unsupportedTitle}。${S.template.unsupportedBody}`,
        ...(templateUrl ? { link: { href: templateUrl, label: S.actions.downloadTemplate, download: "政务公开年报模板.xlsx" } } : {}),
      };
  }
}

// ------------------------------------------------------------------ grouping

const TABLE_GROUP: Record<2 | 3 | 4, TableGroupId> = { 2: "t2", 3: "t3", 4: "t4" };

/** Which table group a finding belongs to, by the first key it names (or its rule). */
export function tableOf(f: Finding): TableGroupId {
  const key = f.cells[0];
  if (key === undefined) return f.rule === "DOC.YEAR" ? "cover" : "other";
  return groupOfKey(key);
}

/** The part of the report a key (cell, section, META.*) is in. */
function groupOfKey(key: string): TableGroupId {
  if (key.startsWith("META.")) return "cover";
  // Cell keys and sections are looked up in the format definition, never parsed here.
  const info = cellInfo(key, "2021") ?? cellInfo(key, "2019");
  if (info) return TABLE_GROUP[info.table];
  const section = SECTIONS.find((s) => s.key === key);
  if (section) return section.table ? TABLE_GROUP[section.table] : "text";
  return "other";
}

const noticeHasAction = (n: Notice): boolean => !!n.action || (n.actions?.length ?? 0) > 0 || !!n.link;

/**
 * A success or info notice without a follow-up (已插入年报模板, 已撤销) is stale once the clerk types
 * after it — not on the pass that reads the pane's own write that the notice is about.
 */
function staleNotice(state: PaneState, edited: TableGroupId | null): boolean {
  const n = state.notice;
  return !!edited && !!n && !noticeHasAction(n) && (n.tone === "success" || n.tone === "info") && state.passes > state.noticePass;
}

/**
 * The one part of the report that changed between two reads (the sheet the clerk is typing in),
 * or null when nothing changed, it is the first read, or several parts changed at once (an import).
 */
export function editedGroupOf(before: Report | null, after: Report | null): TableGroupId | null {
  if (!before || !after) return null;
  const groups = new Set<TableGroupId>();
  const same = (a: unknown, b: unknown) => (isBlankValue(a) && isBlankValue(b)) || a === b;
  for (const k of new Set([...Object.keys(before.cells), ...Object.keys(after.cells)])) {
    if (!same(before.cells[k], after.cells[k])) groups.add(groupOfKey(k));
  }
  for (const s of SECTIONS) {
    const a = before.sections[s.key as keyof Report["sections"]]?.text;
    const b = after.sections[s.key as keyof Report["sections"]]?.text;
    if (!same(a, b)) groups.add(s.table ? TABLE_GROUP[s.table] : "text");
  }
  if (before.meta.agency !== after.meta.agency || before.meta.year !== after.meta.year) groups.add("cover");
  groups.delete("other");
  return groups.size === 1 ? [...groups][0]! : null;
}

const ROLE_OF_GROUP: Partial<Record<TableGroupId, TemplateRole>> = { cover: "meta", text: "text", t2: "t2", t3: "t3", t4: "t4" };

/** A group's name: the template's sheet name for that part, or 其他. */
export function groupLabel(t: TableGroupId): string {
  const role = ROLE_OF_GROUP[t];
  return role ? SHEET_NAMES[role] : S.otherGroup;
}

/** A longer title (tooltip): the section heading for the tables. */
export function groupTitle(t: TableGroupId): string {
  if (t === "cover" || t === "text" || t === "other") return S.groupTitle[t];
  const section = SECTIONS.find((s) => s.table !== undefined && TABLE_GROUP[s.table] === t);
  return section ? `${groupLabel(t)}：${section.heading}` : groupLabel(t);
}

export const blankGroupId = (table: TableGroupId): string => `blanks:${table}`;

export interface FindingItem {
  kind: "finding";
  /** Stable across passes (rule + cells), for focus and keys. */
  id: string;
  finding: Finding;
  /** Whether selecting its cells makes sense (it names at least one cell). */
  selectable: boolean;
  /** Listed as 待填 (not filled in yet), whatever the rule's severity. */
  todo: boolean;
  /** A one-click fix shown in the finding (LEDGER.MATCH: 按台账填写). */
  fix?: "ledgerFill";
}

export interface BlankGroupItem {
  kind: "blanks";
  id: string;
  table: TableGroupId;
  label: string;
  cells: string[];
  items: FindingItem[];
  expanded: boolean;
}

export type ListItem = FindingItem | BlankGroupItem;

/** A list section: one severity, or 待填 (blank cells and empty parts of a report in progress). */
export type SectionKind = Severity | "todo";

export interface SeveritySection {
  severity: SectionKind;
  label: string;
  /** Number of findings (a blank group counts each of its cells). */
  count: number;
  items: ListItem[];
}

export interface TableGroup {
  id: TableGroupId;
  label: string;
  longLabel: string;
  /** Findings by severity, blank cells and empty parts counted as `todo` only. */
  counts: Record<SectionKind, number>;
  sections: SeveritySection[];
}

export type SummaryTone = "busy" | "ok" | "warning" | "error" | "unknown" | "start";

export interface Summary {
  tone: SummaryTone;
  text: string;
  /** For the aria-live region; empty while a pass runs so it is announced once per pass. */
  spoken: string;
  /** Findings by severity, without what is only not filled in yet (that is `todo`). */
  counts: Record<Severity, number>;
  /** Blank cells and empty parts: progress of a report in progress, not warnings. */
  todo: number;
}

export type TemplateBanner =
  | null
  | { kind: "missing"; canInsert: boolean }
  /** Sheets of the template were deleted: offer to put back just those. */
  | { kind: "damaged"; canRestore: boolean; roles: TemplateRole[] }
  /** A template nobody has typed into yet: what to do first. */
  | { kind: "start"; agencyMissing: boolean }
  /** Only the registers were typed into: 表三 (表四) can be filled from them in one go. */
  | { kind: "ledgerOnly"; applications: number; cases: number; tables: string };

export interface ViewModel {
  title: string;
  subtitle: string | null;
  summary: Summary;
  banner: TemplateBanner;
  groups: TableGroup[];
  /** Findings shown in total (for the empty state). */
  total: number;
  canExport: boolean;
  canInsert: boolean;
  /** False on hosts without ExcelApi 1.13 (Office 2019): insertion is impossible, not just busy. */
  insertSupported: boolean;
  busy: Busy;
  validating: boolean;
  notice: Notice | null;
  readError: string | null;
  checkedAt: number | null;
  transfer: TransferPanel | null;
  /** 上年结转 / 导入报告 can start (nothing else running, insertion possible or a template present). */
  canTransfer: boolean;
  formError: string | null;
  transferDone: number;
  /** The 台账 section (null: the workbook has no register sheets). */
  ledger: LedgerSummary | null;
  ledgerImport: LedgerImportPanel | null;
  /** The 汇总多个单位… panel, when open. */
  rollup: RollupPanel | null;
  /** 汇总 can start: nothing else running, the host can add sheets. */
  canRollup: boolean;
  /** The host can add sheets (without it the action is not offered). */
  rollupSupported: boolean;
}

function itemId(f: Finding, seen: Map<string, number>): string {
  const base = `${f.rule}|${f.cells.join(",")}`;
  const n = seen.get(base) ?? 0;
  seen.set(base, n + 1);
  return n === 0 ? base : `${base}#${n}`;
}

export function countsOf(findings: readonly Finding[]): Record<Severity, number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** Whether a finding only says "not filled in yet" (counted as 待填, not as an error or warning). */
export const isTodo = (f: Finding): boolean => EMPTINESS_RULES.has(f.rule);

/** The rule that 按台账填写 answers: its findings carry that button. */
export const LEDGER_MATCH = "LEDGER.MATCH";

/**
 * Only the registers typed into (表 cells and text untouched): what is true then is "台账已登记 N 件，
 * 表三尚未按台账填写", not 未开始填写 — and the mismatches are that to-do, not errors.
 */
export function registeredOnly(report: Report | null, ledger: LedgerSummary | null): { applications: number; cases: number; tables: string } | null {
  if (!report || !isUntouched(report)) return null;
  const reg = ledger?.registered;
  if (!reg || reg.applications + reg.cases === 0) return null;
  const tables = [...(reg.applications ? [SHEET_NAMES.t3] : []), ...(reg.cases ? [SHEET_NAMES.t4] : [])].join("、");
  return { applications: reg.applications, cases: reg.cases, tables };
}

/** 待填 in this state: emptiness always, the register mismatches while only the registers are typed. */
export function todoOf(report: Report | null, ledger: LedgerSummary | null): (f: Finding) => boolean {
  return registeredOnly(report, ledger) ? (f) => isTodo(f) || f.rule === LEDGER_MATCH : isTodo;
}

/**
 * Findings → table groups → sections (错误, 警告, 提示, then 待填), with many blank cells collapsed
 * into one row. `first`: the part the clerk is editing, listed before the others.
 */
export function groupFindings(findings: readonly Finding[], expanded: readonly string[] = [], first: TableGroupId | null = null, todo: (f: Finding) => boolean = isTodo): TableGroup[] {
  const seen = new Map<string, number>();
  const byTable = new Map<TableGroupId, FindingItem[]>();
  for (const f of findings) {
    const t = tableOf(f);
    const item: FindingItem = { kind: "finding", id: itemId(f, seen), finding: f, selectable: f.cells.length > 0, todo: todo(f), ...(f.rule === LEDGER_MATCH ? { fix: "ledgerFill" as const } : {}) };
    const list = byTable.get(t) ?? [];
    list.push(item);
    byTable.set(t, list);
  }
  const order = first ? [first, ...TABLE_ORDER.filter((t) => t !== first)] : TABLE_ORDER;
  const groups: TableGroup[] = [];
  for (const t of order) {
    const items = byTable.get(t);
    if (!items) continue;
    const sections: SeveritySection[] = [];
    for (const sev of SEVERITIES) {
      const ofSev = items.filter((i) => i.finding.severity === sev && !i.todo);
      if (ofSev.length > 0) sections.push({ severity: sev, label: S.severity[sev], count: ofSev.length, items: ofSev });
    }
    const todoItems = items.filter((i) => i.todo);
    if (todoItems.length > 0) {
      const blanks = todoItems.filter((i) => i.finding.rule === "CELL.BLANK");
      let list: ListItem[] = todoItems;
      if (blanks.length >= BLANK_COLLAPSE_MIN) {
        const id = blankGroupId(t);
        const group: BlankGroupItem = {
          kind: "blanks",
          id,
          table: t,
          label: S.list.blankGroup(groupLabel(t), blanks.length),
          cells: blanks.flatMap((b) => b.finding.cells),
          items: blanks,
          expanded: expanded.includes(id),
        };
        // An empty part first, then its many blank cells as one row.
        list = [...todoItems.filter((i) => i.finding.rule !== "CELL.BLANK"), group];
      }
      sections.push({ severity: "todo", label: S.list.todo, count: todoItems.length, items: list });
    }
    const real = countsOf(items.filter((i) => !i.todo).map((i) => i.finding));
    groups.push({ id: t, label: groupLabel(t), longLabel: groupTitle(t), counts: { ...real, todo: todoItems.length }, sections });
  }
  return groups;
}

export function summarize(state: Pick<PaneState, "findings" | "started" | "validating" | "report" | "readError" | "ledger">): Summary {
  const registered = state.readError === null ? registeredOnly(state.report, state.ledger) : null;
  if (registered) {
    // The mismatches are the to-do the text says; anything else (a deadline, a bad row) is counted.
    const c = countsOf(shownFindings(state.findings, true).filter((f) => f.rule !== LEDGER_MATCH));
    const text = S.summary.ledgerOnly(registered.applications + registered.cases, registered.tables);
    const more = S.summary.counts(c.error, c.warning, c.info, 0);
    return { tone: c.error ? "error" : c.warning ? "warning" : "start", text: more ? `${text} · ${more}` : text, spoken: S.summary.ledgerOnlySpoken(text, c.error, c.warning, c.info), counts: c, todo: 0 };
  }
  if (state.report !== null && state.readError === null && isUntouched(state.report)) {
    const shown = shownFindings(state.findings, true);
    const c = countsOf(shown);
    if (shown.length === 0) return { tone: "start", text: S.summary.notStarted, spoken: S.summary.notStartedSpoken, counts: c, todo: 0 };
    return { tone: c.error ? "error" : c.warning ? "warning" : "start", text: `${S.summary.notStarted} · ${S.summary.counts(c.error, c.warning, c.info, 0)}`, spoken: S.summary.spoken(c.error, c.warning, c.info, 0), counts: c, todo: 0 };
  }
  // Blank cells and empty parts are progress (待填 N), not errors or warnings.
  const todo = state.findings.filter(isTodo).length;
  const counts = countsOf(state.findings.filter((f) => !isTodo(f)));
  if (!state.started) return { tone: "busy", text: S.summary.checking, spoken: "", counts, todo };
  if (state.readError !== null) return { tone: "unknown", text: S.summary.readFailed, spoken: state.readError, counts, todo };
  if (state.report === null && state.findings.length === 0) {
    return { tone: "unknown", text: S.summary.noTemplate, spoken: S.summary.noTemplateSpoken, counts, todo };
  }
  const text = state.findings.length === 0 ? S.summary.allPassed : S.summary.counts(counts.error, counts.warning, counts.info, todo);
  const tone: SummaryTone = counts.error ? "error" : counts.warning ? "warning" : !state.report ? "unknown" : todo ? "start" : "ok";
  return { tone, text, spoken: S.summary.spoken(counts.error, counts.warning, counts.info, todo), counts, todo };
}

function templateBanner(state: PaneState, canRestore: boolean): TemplateBanner {
  if (!state.started || state.readError !== null) return null;
  const canInsert = state.capabilities?.insertTemplate !== false;
  if (state.template === null) return { kind: "missing", canInsert };
  if (state.template.missing.length > 0) return { kind: "damaged", canRestore: canRestore && canInsert, roles: state.template.missing };
  const registered = registeredOnly(state.report, state.ledger);
  if (registered) return { kind: "ledgerOnly", ...registered };
  if (state.report && isUntouched(state.report)) return { kind: "start", agencyMissing: !state.report.meta.agency?.trim() };
  return null;
}

const isBlankValue = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * A template nobody has typed into: no table cell and no text filled (封面's agency and year,
 * written by the insertion, do not count). Its emptiness is not the clerk's mistake yet.
 */
export function isUntouched(report: Report): boolean {
  // Totals are the template's formulas (0 when nothing is filled): not the clerk's input.
  const cells = templateLayout().cells;
  const typed = Object.entries(report.cells).some(([k, v]) => !cells.get(k)?.computed && !isBlankValue(v));
  return !typed && Object.values(report.sections).every((s) => !s || isBlankValue(s.text));
}

/** Findings that only say "not filled in yet": quiet until the clerk has started. */
const EMPTINESS_RULES: ReadonlySet<string> = new Set(["CELL.BLANK", "DOC.SECTIONS"]);

/** What the list shows: everything, or (untouched template) only what is not mere emptiness. */
export function shownFindings(findings: readonly Finding[], untouched: boolean): Finding[] {
  return untouched ? findings.filter((f) => !EMPTINESS_RULES.has(f.rule)) : [...findings];
}

export function viewModel(state: PaneState, opts: { canRestore?: boolean; canRollup?: boolean } = {}): ViewModel {
  const meta = state.report?.meta;
  const hasReport = state.report !== null;
  const untouched = hasReport && state.readError === null && isUntouched(state.report!);
  const shown = shownFindings(state.findings, untouched);
  return {
    title: hasReport ? S.reportTitle(meta?.agency ?? null, meta?.year ?? null) : S.untitled,
    subtitle: hasReport ? S.formatLabel(state.report!.format) : null,
    summary: summarize(state),
    banner: templateBanner(state, opts.canRestore ?? false),
    groups: groupFindings(shown, state.expanded, state.editedGroup, todoOf(state.readError === null ? state.report : null, state.ledger)),
    total: shown.length,
    canExport: hasReport && state.busy === null,
    canInsert: state.busy === null && state.capabilities?.insertTemplate !== false,
    insertSupported: state.capabilities?.insertTemplate !== false,
    busy: state.busy,
    validating: state.validating,
    notice: state.notice,
    readError: state.readError,
    // "上次校验" only means something when there is a report to check.
    checkedAt: hasReport ? state.checkedAt : null,
    transfer: state.transfer,
    canTransfer: state.busy === null && (state.template !== null || state.capabilities?.insertTemplate !== false),
    formError: state.formError,
    transferDone: state.transferDone,
    ledger: state.ledger,
    ledgerImport: state.ledgerImport,
    rollup: state.rollup,
    canRollup: (opts.canRollup ?? false) && state.busy === null && (state.template !== null || state.capabilities?.insertTemplate !== false),
    rollupSupported: opts.canRollup ?? false,
  };
}

/**
 * All findings of a pass: the adapter's layout findings (missing sheet, damaged marker) first,
 * then the rules, without repeating one the rules also found.
 */
export function findingsOf(outcome: ReadOutcome, ruleFindings: readonly Finding[]): Finding[] {
  // "No template" is what the banner says, with the insert form; no need to list it too.
  const layout = outcome.findings.filter((f) => !(outcome.template === null && f.rule === TEMPLATE_NOT_FOUND));
  // A deleted sheet is one finding (the adapter's "未找到…工作表"), not every cell it held.
  const missing = new Set<string>(outcome.template?.missing ?? []);
  const onMissingSheet = (f: Finding) => missing.size > 0 && f.cells.length > 0 && f.cells.every((k) => missing.has(locate(k)?.role ?? ""));
  const merged = mergeFindings(layout, ruleFindings);
  const fromLayout = merged.length - ruleFindings.length;
  return merged.filter((f, i) => i < fromLayout || !onMissingSheet(f));
}

/** The adapter's finding when no template sheet is recognised (src/hosts/office/officeWorkbook.ts). */
export const TEMPLATE_NOT_FOUND = "TEMPLATE.NOT_FOUND";

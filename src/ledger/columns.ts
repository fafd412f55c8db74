/**
 * The registers described as data: one table per register, one row per column. Everything that
 * touches a column loops over this table — header recognition (title and the aliases clerks'
 * own registers use, matched by the importer's label key, never by similarity), parsing by kind,
 * the import plan's normalisation, the model's schema and the template's sheet design (width,
 * date format, validation list). Adding a column is one row here plus a layout-version decision
 * (REGISTER_LAYOUT_VERSION; test/ledger/columns.test.ts keeps every consumer and the versions
 * honest).
 */
/**
 * How a column's cells are read and written: text as written; a date (day number, written as a
 * date serial); a choice from a vocabulary (vocabulary.ts); 是/否.
 */
export type ColumnKind = "text" | "date" | "choice" | "yesNo";
/** The vocabularies a choice column draws from (vocabulary.ts VOCABULARIES). */
export type VocabularyName = "applicantType" | "outcome" | "caseKind" | "caseResult" | "receiptChannel";

export interface ColumnDef<F extends string = string> {
  field: F;
  /** The exact header of the template's sheet. */
  title: string;
  /** Other headers clerks write for the same column. */
  aliases: readonly string[];
  kind: ColumnKind;
  /** For kind "choice": the vocabulary (validation list on the sheet, words recognised on reading). */
  vocabulary?: VocabularyName;
  /** Whether a register without this column cannot be counted. */
  required: boolean;
  /** Whether a row with this cell blank cannot be counted (收到日期, 申请人类型 …). */
  mustFill: boolean;
  /**
   * When the whole column is missing, each row's value is guessed (clerkWords.ts) and the
   * guesses are shown to the clerk (import preview, a LEDGER.NOTE): the register still counts.
   */
  guessed?: boolean;
  /**
   * For kind "choice": the column takes no part in the counts (收到方式), so a value its vocabulary
   * cannot place is a warning and the row still counts.
   */
  uncounted?: boolean;
  /** Column width on the template's sheet (characters). */
  width: number;
  /** Whether the parsed row (model.ts) keeps the value; free text that nothing computes stays on the sheet. */
  model: boolean;
  /** The register layout version that added the column. */
  since: number;
}

/**
 * Whether a value this column cannot read keeps the row out of the counts: a required date, or a
 * choice the counts depend on. The one rule for ./parse (a typed row) and ./importPlan (what an
 * import says it will do to the row).
 */
export function badValueExcludesRow(d: ColumnDef): boolean {
  return (d.kind === "date" && d.required) || (d.kind === "choice" && !d.uncounted);
}

/**
 * The register layout: bump it when a column is added (the template's version goes up with it;
 * a workbook of an older layout is still read by its header titles, columns it lacks are blank).
 * Layout 1 = template version 3; layout 2 (the 条例's procedure: 收到方式, 补正通知日期, 征求意见日期,
 * 收到意见日期, 延期批准日期, appended after 备注 so that the columns of layout 1 keep their places)
 * = template version 4.
 */
export const REGISTER_LAYOUT_VERSION = 2;

const APP_TABLE = [
  { field: "id", title: "编号", aliases: ["序号", "登记号", "登记编号", "申请编号", "受理编号", "流水号"], kind: "text", required: false, mustFill: false, width: 10, model: true, since: 1 },
  {
    field: "received",
    title: "收到日期",
    aliases: ["收到时间", "申请日期", "申请时间", "受理日期", "受理时间", "登记日期", "收件日期", "收文日期"],
    kind: "date",
    required: true, mustFill: true,
    width: 12,
    model: true,
    since: 1,
  },
  {
    field: "applicantType",
    title: "申请人类型",
    aliases: ["申请人类别", "申请主体类型", "申请人性质", "申请人情况"],
    kind: "choice",
    vocabulary: "applicantType",
    required: false, mustFill: true,
    guessed: true,
    width: 13,
    model: true,
    since: 1,
  },
  { field: "applicant", title: "申请人", aliases: ["申请人姓名", "申请人名称", "申请人姓名或名称", "姓名名称"], kind: "text", required: false, mustFill: false, width: 16, model: true, since: 1 },
  {
    field: "content",
    title: "申请内容",
    aliases: ["申请事项", "所需信息", "申请公开内容", "所需政府信息", "申请公开的信息"],
    kind: "text",
    required: false, mustFill: false,
    width: 30,
    model: false,
    since: 1,
  },
  { field: "corrected", title: "补正后收到日期", aliases: ["补正日期", "补正收到日期", "补正后日期", "收到补正日期"], kind: "date", required: false, mustFill: false, width: 14, model: true, since: 1 },
  { field: "extended", title: "是否延期", aliases: ["延期", "延期答复", "是否延期答复"], kind: "yesNo", required: false, mustFill: false, width: 9, model: true, since: 1 },
  { field: "answered", title: "答复日期", aliases: ["答复时间", "办结日期", "办结时间", "告知日期", "答复告知日期"], kind: "date", required: true, mustFill: false, width: 12, model: true, since: 1 },
  {
    field: "outcome",
    title: "办理结果",
    aliases: ["答复结果", "处理结果", "答复类型", "办理情况", "答复情况", "答复方式"],
    kind: "choice",
    vocabulary: "outcome",
    required: true, mustFill: false,
    width: 44,
    model: true,
    since: 1,
  },
  { field: "note", title: "备注", aliases: ["说明"], kind: "text", required: false, mustFill: false, width: 18, model: false, since: 1 },
  // Layout 2: the procedure of 《政府信息公开条例》第三十条至第三十三条 (src/ledger/deadline.ts).
  {
    field: "receiptChannel",
    title: "收到方式",
    aliases: ["申请方式", "提交方式", "申请渠道", "收件方式", "申请途径"],
    kind: "choice",
    vocabulary: "receiptChannel",
    required: false, mustFill: false,
    uncounted: true,
    width: 12,
    model: true,
    since: 2,
  },
  { field: "correctionNotice", title: "补正通知日期", aliases: ["补正告知日期", "告知补正日期", "补正通知时间", "发出补正通知日期"], kind: "date", required: false, mustFill: false, width: 14, model: true, since: 2 },
  { field: "consultSent", title: "征求意见日期", aliases: ["征求意见时间", "发出征求意见日期", "征求第三方意见日期", "书面征求意见日期"], kind: "date", required: false, mustFill: false, width: 14, model: true, since: 2 },
  { field: "consultReplied", title: "收到意见日期", aliases: ["收到意见时间", "意见反馈日期", "第三方答复日期", "收到第三方意见日期", "反馈意见日期"], kind: "date", required: false, mustFill: false, width: 14, model: true, since: 2 },
  { field: "extensionApproved", title: "延期批准日期", aliases: ["延期审批日期", "批准延期日期", "延期同意日期", "延期批准时间"], kind: "date", required: false, mustFill: false, width: 14, model: true, since: 2 },
] as const satisfies readonly ColumnDef[];

const CASE_TABLE = [
  { field: "id", title: "编号", aliases: ["序号", "案号", "案件编号"], kind: "text", required: false, mustFill: false, width: 12, model: true, since: 1 },
  { field: "kind", title: "类型", aliases: ["案件类型", "类别", "复议诉讼类型"], kind: "choice", vocabulary: "caseKind", required: true, mustFill: true, width: 30, model: true, since: 1 },
  { field: "received", title: "收到日期", aliases: ["收到时间", "立案日期", "受理日期", "收案日期"], kind: "date", required: true, mustFill: true, width: 12, model: true, since: 1 },
  { field: "result", title: "结果", aliases: ["审结结果", "处理结果", "案件结果", "结案结果"], kind: "choice", vocabulary: "caseResult", required: false, mustFill: false, width: 12, model: true, since: 1 },
  { field: "note", title: "备注", aliases: ["说明"], kind: "text", required: false, mustFill: false, width: 24, model: false, since: 1 },
] as const satisfies readonly ColumnDef[];

export type AppField = (typeof APP_TABLE)[number]["field"];
export type CaseField = (typeof CASE_TABLE)[number]["field"];

/**
 * 申请台账: 编号 | 收到日期 | 申请人类型 | 申请人 | 申请内容 | 补正后收到日期 | 是否延期 | 答复日期 | 办理结果 | 备注 |
 * 收到方式 | 补正通知日期 | 征求意见日期 | 收到意见日期 | 延期批准日期.
 */
export const APP_COLUMNS: readonly ColumnDef<AppField>[] = APP_TABLE;
/** 复议诉讼台账: 编号 | 类型 | 收到日期 | 结果 | 备注. */
export const CASE_COLUMNS: readonly ColumnDef<CaseField>[] = CASE_TABLE;

/** The column of a field (every field has one: the table is the list of fields). */
export function columnOf<F extends string>(defs: readonly ColumnDef<F>[], field: F): ColumnDef<F> {
  return defs.find((d) => d.field === field)!;
}

/** 0-based index of a field's column in the template's order. */
export function columnIndex<F extends string>(defs: readonly ColumnDef<F>[], field: F): number {
  return defs.findIndex((d) => d.field === field);
}

/** Field → column index (0-based) in the source, or null when the source has no such column. */
export type ColumnMapping<F extends string> = Record<F, number | null>;

/** How many fields a mapping places (for finding the header row among the first rows). */
export function mappedCount<F extends string>(m: ColumnMapping<F>): number {
  return Object.values(m).filter((v) => v !== null).length;
}

/** Required fields the mapping leaves without a column. */
export function missingRequired<F extends string>(defs: readonly ColumnDef<F>[], m: ColumnMapping<F>): ColumnDef<F>[] {
  return defs.filter((d) => d.required && m[d.field] === null);
}

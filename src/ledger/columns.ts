/**
 * The registers' columns: the exact titles of the template's header rows (tests and other tools
 * fill the sheets by title), and the other titles clerks' own registers use for the same column,
 * for importing a register whose headers differ. Matching is by the importer's label key
 * (punctuation, spaces and width ignored), never by similarity.
 */
import { looseKey } from "../import/labels";

export type AppField = "id" | "received" | "applicantType" | "applicant" | "content" | "corrected" | "extended" | "answered" | "outcome" | "note";
export type CaseField = "id" | "kind" | "received" | "result" | "note";

export interface ColumnDef<F extends string> {
  field: F;
  title: string;
  aliases: readonly string[];
  /** Whether a register without this column cannot be counted. */
  required: boolean;
}

/** 申请台账: 编号 | 收到日期 | 申请人类型 | 申请人 | 申请内容 | 补正后收到日期 | 是否延期 | 答复日期 | 办理结果 | 备注. */
export const APP_COLUMNS: readonly ColumnDef<AppField>[] = [
  { field: "id", title: "编号", aliases: ["序号", "登记号", "登记编号", "申请编号", "受理编号", "流水号"], required: false },
  { field: "received", title: "收到日期", aliases: ["收到时间", "申请日期", "申请时间", "受理日期", "受理时间", "登记日期", "收件日期", "收文日期"], required: true },
  { field: "applicantType", title: "申请人类型", aliases: ["申请人类别", "申请主体类型", "申请人性质", "申请人情况"], required: true },
  { field: "applicant", title: "申请人", aliases: ["申请人姓名", "申请人名称", "申请人姓名或名称", "姓名名称"], required: false },
  { field: "content", title: "申请内容", aliases: ["申请事项", "所需信息", "申请公开内容", "所需政府信息", "申请公开的信息"], required: false },
  { field: "corrected", title: "补正后收到日期", aliases: ["补正日期", "补正收到日期", "补正后日期", "收到补正日期"], required: false },
  { field: "extended", title: "是否延期", aliases: ["延期", "延期答复", "是否延期答复"], required: false },
  { field: "answered", title: "答复日期", aliases: ["答复时间", "办结日期", "办结时间", "告知日期", "答复告知日期"], required: true },
  { field: "outcome", title: "办理结果", aliases: ["答复结果", "处理结果", "答复类型", "办理情况", "答复情况", "答复方式"], required: true },
  { field: "note", title: "备注", aliases: ["说明"], required: false },
];

/** 复议诉讼台账: 编号 | 类型 | 收到日期 | 结果 | 备注. */
export const CASE_COLUMNS: readonly ColumnDef<CaseField>[] = [
  { field: "id", title: "编号", aliases: ["序号", "案号", "案件编号"], required: false },
  { field: "kind", title: "类型", aliases: ["案件类型", "类别", "复议诉讼类型"], required: true },
  { field: "received", title: "收到日期", aliases: ["收到时间", "立案日期", "受理日期", "收案日期"], required: true },
  { field: "result", title: "结果", aliases: ["审结结果", "处理结果", "案件结果", "结案结果"], required: false },
  { field: "note", title: "备注", aliases: ["说明"], required: false },
];

/** Field → column index (0-based) in the source, or null when the source has no such column. */
export type ColumnMapping<F extends string> = Record<F, number | null>;

/** The column mapping proposed for a header row: each field to the column whose title it knows. */
export function proposeMapping<F extends string>(defs: readonly ColumnDef<F>[], headers: readonly unknown[]): ColumnMapping<F> {
  const keys = headers.map((h) => (h === null || h === undefined ? "" : looseKey(String(h))));
  const out = {} as ColumnMapping<F>;
  const used = new Set<number>();
  // Exact titles first, so "收到日期" never goes to "补正后收到日期"'s column.
  for (const pass of ["title", "alias"] as const) {
    for (const d of defs) {
      if (out[d.field] !== undefined && out[d.field] !== null) continue;
      const names = pass === "title" ? [d.title] : d.aliases;
      const idx = keys.findIndex((k, i) => !used.has(i) && k !== "" && names.some((n) => looseKey(n) === k));
      out[d.field] = idx >= 0 ? idx : null;
      if (idx >= 0) used.add(idx);
    }
  }
  return out;
}

/** How many fields a mapping places (for finding the header row among the first rows). */
export function mappedCount<F extends string>(m: ColumnMapping<F>): number {
  return Object.values(m).filter((v) => v !== null).length;
}

/** Required fields the mapping leaves without a column. */
export function missingRequired<F extends string>(defs: readonly ColumnDef<F>[], m: ColumnMapping<F>): ColumnDef<F>[] {
  return defs.filter((d) => d.required && m[d.field] === null);
}

/**
 * The choices of the registers' choice columns as the sheet offers them, derived from the format
 * (src/report): 申请人类型 are 表三's applicant columns, 办理结果 its outcome rows written with their
 * group ("（三）不予公开 1.属于国家秘密"), 类型 and 结果 of the 复议诉讼台账 表四's groups and results.
 * No word matching here (vocabulary.ts does it): the template's design needs only these lists,
 * and the pane's first load carries them without the importer's label matching.
 */
import { FORMAT_2021, T4_RESULT_LABELS, type T3Row } from "../report";
import type { VocabularyName } from "./columns";

export interface Choice {
  /** What the sheet shows and the validation list offers. */
  label: string;
  /** 表三 column code (C1 … C6), 表三 row code (R03 … R23), 表四 group index or result index. */
  code: string;
}

const T3 = FORMAT_2021.table3;

/** 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (表三 C1–C6). */
export const APPLICANT_TYPES: readonly Choice[] = T3.columns.filter((c) => !c.total).map((c) => ({ label: c.label, code: c.code }));

/** The label of an outcome row with its group: "（三）不予公开 1.属于国家秘密", "（一）予以公开". */
export function outcomeLabel(row: T3Row): string {
  return row.path.slice(1).join(" ");
}

/** The 21 outcome rows of 表三 (R03 … R23), labelled with their group. */
export const OUTCOMES: readonly Choice[] = T3.rows.filter((r) => r.role === "outcome").map((r) => ({ label: outcomeLabel(r), code: r.code }));

const T4 = FORMAT_2021.table4;

/** 行政复议, 行政诉讼（未经复议直接起诉）, 行政诉讼（复议后起诉）: one per 表四 group (code = group index). */
export const CASE_KINDS: readonly Choice[] = T4.groups.map((g, i) => ({
  label: g.path.length === 1 ? g.path[0]! : `${g.path[0]}（${g.path[1]}）`,
  code: String(i),
}));

/** 结果维持, 结果纠正, 其他结果, 尚未审结 (code = index into each group's columns). */
export const CASE_RESULTS: readonly Choice[] = T4_RESULT_LABELS.slice(0, -1).map((label, i) => ({ label, code: String(i) }));

/** The result a blank 结果 means: the case is still open (尚未审结). */
export const OPEN_RESULT = CASE_RESULTS.find((r) => r.label === "尚未审结")!;

/**
 * 收到方式 (《政府信息公开条例》第三十一条, 国办公开办函〔2015〕207号): how the application came
 * sets which day is its 收到日期 — the label says it, so the clerk writes the right day.
 */
export const RECEIPT_CHANNELS: readonly Choice[] = [
  { label: "当面提交（提交之日）", code: "inPerson" },
  { label: "邮寄（签收之日）", code: "registeredMail" },
  { label: "平信或寄错（与申请人确认之日）", code: "ordinaryMail" },
  { label: "电子邮箱（到达之日）", code: "email" },
  { label: "网络平台（双方确认之日）", code: "online" },
  { label: "传真（双方确认之日）", code: "fax" },
  { label: "其他", code: "other" },
];

/** The validation list of each vocabulary, in order (vocabulary.ts adds the words each accepts). */
export const CHOICES: Readonly<Record<VocabularyName, readonly Choice[]>> = {
  applicantType: APPLICANT_TYPES,
  outcome: OUTCOMES,
  caseKind: CASE_KINDS,
  caseResult: CASE_RESULTS,
  receiptChannel: RECEIPT_CHANNELS,
};

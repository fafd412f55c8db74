/**
 * The national report format as data: the ONE place where sections, tables, rows, columns,
 * labels and cell keys are defined (spec: ../shared/spec/report-format.md §1–4).
 * Everything else (sheets, formulas, rules, documents, importer) derives from these objects.
 */

export type FormatId = "2021" | "2019";
export type ValueType = "count" | "amount" | "signed";

/** 一 … 六, with the exact 2021 headings. */
export const SECTION_NUMERALS = ["一", "二", "三", "四", "五", "六"] as const;
export type SectionNo = 1 | 2 | 3 | 4 | 5 | 6;
export type SectionKey = `S${SectionNo}`;

export interface SectionDef {
  no: SectionNo;
  key: SectionKey;
  heading: string;
  /** The table that makes up the section, if any. */
  table?: 2 | 3 | 4;
  /** Headings seen in published reports that mean the same section. */
  aliases: string[];
}

export const SECTIONS: readonly SectionDef[] = [
  { no: 1, key: "S1", heading: "一、总体情况", aliases: [] },
  { no: 2, key: "S2", heading: "二、主动公开政府信息情况", table: 2, aliases: [] },
  { no: 3, key: "S3", heading: "三、收到和处理政府信息公开申请情况", table: 3, aliases: [] },
  {
    no: 4,
    key: "S4",
    heading: "四、政府信息公开行政复议、行政诉讼情况",
    table: 4,
    aliases: ["四、因政府信息公开工作被申请行政复议、提起行政诉讼情况", "四、政府信息公开行政复议和行政诉讼情况"],
  },
  {
    no: 5,
    key: "S5",
    heading: "五、存在的主要问题及改进情况",
    aliases: ["五、政府信息公开工作存在的主要问题及改进情况", "五、存在问题及改进情况"],
  },
  { no: 6, key: "S6", heading: "六、其他需要报告的事项", aliases: [] },
];

export const TABLE_NAMES: Record<2 | 3 | 4, string> = { 2: "表二", 3: "表三", 4: "表四" };

// ---------------------------------------------------------------- Table 2

export interface T2Column {
  code: string; // "C1"
  label: string;
}
export interface T2Row {
  code: string; // "R1"
  label: string;
}
export interface T2Block {
  /** 第二十条第（一）项 */
  header: string;
  /** First cell of the block's header row. */
  contentLabel: "信息内容";
  columns: T2Column[];
  rows: T2Row[];
  type: ValueType;
}

export interface Table2Def {
  blocks: T2Block[];
  /** Whether the rules engine checks this table's cells (the 2019 table 2 is only reported). */
  checked: boolean;
}

const T2_2021: Table2Def = {
  checked: true,
  blocks: [
    {
      header: "第二十条第（一）项",
      contentLabel: "信息内容",
      columns: [
        { code: "C1", label: "本年制发件数" },
        { code: "C2", label: "本年废止件数" },
        { code: "C3", label: "现行有效件数" },
      ],
      rows: [
        { code: "R1", label: "规章" },
        { code: "R2", label: "行政规范性文件" },
      ],
      type: "count",
    },
    {
      header: "第二十条第（五）项",
      contentLabel: "信息内容",
      columns: [{ code: "C1", label: "本年处理决定数量" }],
      rows: [{ code: "R3", label: "行政许可" }],
      type: "count",
    },
    {
      header: "第二十条第（六）项",
      contentLabel: "信息内容",
      columns: [{ code: "C1", label: "本年处理决定数量" }],
      rows: [
        { code: "R4", label: "行政处罚" },
        { code: "R5", label: "行政强制" },
      ],
      type: "count",
    },
    {
      header: "第二十条第（八）项",
      contentLabel: "信息内容",
      columns: [{ code: "C1", label: "本年收费金额（单位：万元）" }],
      rows: [{ code: "R6", label: "行政事业性收费" }],
      type: "amount",
    },
  ],
};

const Y2019_ITEM_COLS: T2Column[] = [
  { code: "C1", label: "上一年项目数量" },
  { code: "C2", label: "本年增/减" },
  { code: "C3", label: "处理决定数量" },
];

const T2_2019: Table2Def = {
  checked: false,
  blocks: [
    {
      header: "第二十条第（一）项",
      contentLabel: "信息内容",
      columns: [
        { code: "C1", label: "本年新制作数量" },
        { code: "C2", label: "本年新公开数量" },
        { code: "C3", label: "对外公开总数量" },
      ],
      rows: [
        { code: "R1", label: "规章" },
        { code: "R2", label: "规范性文件" },
      ],
      type: "count",
    },
    {
      header: "第二十条第（五）项",
      contentLabel: "信息内容",
      columns: Y2019_ITEM_COLS,
      rows: [
        { code: "R3", label: "行政许可" },
        { code: "R4", label: "其他对外管理服务事项" },
      ],
      type: "signed",
    },
    {
      header: "第二十条第（六）项",
      contentLabel: "信息内容",
      columns: Y2019_ITEM_COLS,
      rows: [
        { code: "R5", label: "行政处罚" },
        { code: "R6", label: "行政强制" },
      ],
      type: "signed",
    },
    {
      header: "第二十条第（八）项",
      contentLabel: "信息内容",
      columns: Y2019_ITEM_COLS.slice(0, 2),
      rows: [{ code: "R7", label: "行政事业性收费" }],
      type: "signed",
    },
    {
      header: "第二十条第（九）项",
      contentLabel: "信息内容",
      columns: [
        { code: "C1", label: "采购项目数量" },
        { code: "C2", label: "采购总金额" },
      ],
      rows: [{ code: "R8", label: "政府集中采购" }],
      type: "signed",
    },
  ],
};

// ---------------------------------------------------------------- Table 3

export type T3RowRole = "new" | "carried" | "outcome" | "total" | "carryover";

export interface T3Row {
  code: string; // "R01"
  /** Label path: level 1, level 2, level 3 (as many as the row has). */
  path: string[];
  role: T3RowRole;
  /** A short name used in messages. */
  short: string;
}

export interface T3Column {
  code: string; // "C1"
  label: string;
  /** Group header above the column, if any (法人或其他组织). */
  group?: string;
  total?: boolean;
}

export interface Table3Def {
  corner: string;
  applicantHeader: string;
  columns: T3Column[];
  rows: T3Row[];
}

const T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
const T3_APPLICANT = "申请人情况";
const LEGAL_PERSON = "法人或其他组织";

const T3_COLUMNS: T3Column[] = [
  { code: "C1", label: "自然人" },
  { code: "C2", label: "商业企业", group: LEGAL_PERSON },
  { code: "C3", label: "科研机构", group: LEGAL_PERSON },
  { code: "C4", label: "社会公益组织", group: LEGAL_PERSON },
  { code: "C5", label: "法律服务机构", group: LEGAL_PERSON },
  { code: "C6", label: "其他", group: LEGAL_PERSON },
  { code: "C7", label: "总计", total: true },
];

const RESULT = "三、本年度办理结果";
const NOT_OPEN = "（三）不予公开";
const CANNOT = "（四）无法提供";
const NOT_HANDLED = "（五）不予处理";
const OTHER = "（六）其他处理";

function outcome(code: string, path: string[], short: string): T3Row {
  return { code, path: [RESULT, ...path], role: "outcome", short };
}

const T3_HEAD_ROWS: T3Row[] = [
  { code: "R01", path: ["一、本年新收政府信息公开申请数量"], role: "new", short: "本年新收" },
  { code: "R02", path: ["二、上年结转政府信息公开申请数量"], role: "carried", short: "上年结转" },
  outcome("R03", ["（一）予以公开"], "予以公开"),
  outcome("R04", ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], "部分公开"),
  outcome("R05", [NOT_OPEN, "1.属于国家秘密"], "不予公开·属于国家秘密"),
  outcome("R06", [NOT_OPEN, "2.其他法律行政法规禁止公开"], "不予公开·其他法律行政法规禁止公开"),
  outcome("R07", [NOT_OPEN, "3.危及“三安全一稳定”"], "不予公开·危及“三安全一稳定”"),
  outcome("R08", [NOT_OPEN, "4.保护第三方合法权益"], "不予公开·保护第三方合法权益"),
  outcome("R09", [NOT_OPEN, "5.属于三类内部事务信息"], "不予公开·属于三类内部事务信息"),
  outcome("R10", [NOT_OPEN, "6.属于四类过程性信息"], "不予公开·属于四类过程性信息"),
  outcome("R11", [NOT_OPEN, "7.属于行政执法案卷"], "不予公开·属于行政执法案卷"),
  outcome("R12", [NOT_OPEN, "8.属于行政查询事项"], "不予公开·属于行政查询事项"),
  outcome("R13", [CANNOT, "1.本机关不掌握相关政府信息"], "无法提供·本机关不掌握相关政府信息"),
  outcome("R14", [CANNOT, "2.没有现成信息需要另行制作"], "无法提供·没有现成信息需要另行制作"),
  outcome("R15", [CANNOT, "3.补正后申请内容仍不明确"], "无法提供·补正后申请内容仍不明确"),
  outcome("R16", [NOT_HANDLED, "1.信访举报投诉类申请"], "不予处理·信访举报投诉类申请"),
  outcome("R17", [NOT_HANDLED, "2.重复申请"], "不予处理·重复申请"),
  outcome("R18", [NOT_HANDLED, "3.要求提供公开出版物"], "不予处理·要求提供公开出版物"),
  outcome("R19", [NOT_HANDLED, "4.无正当理由大量反复申请"], "不予处理·无正当理由大量反复申请"),
  outcome("R20", [NOT_HANDLED, "5.要求行政机关确认或重新出具已获取信息"], "不予处理·要求确认或重新出具已获取信息"),
];

const T3_TAIL_ROWS: T3Row[] = [
  { code: "R24", path: [RESULT, "（七）总计"], role: "total", short: "办理结果总计" },
  { code: "R25", path: ["四、结转下年度继续办理"], role: "carryover", short: "结转下年度" },
];

const T3_2021: Table3Def = {
  corner: T3_CORNER,
  applicantHeader: T3_APPLICANT,
  columns: T3_COLUMNS,
  rows: [
    ...T3_HEAD_ROWS,
    outcome("R21", [OTHER, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"], "其他处理·逾期不补正"),
    outcome("R22", [OTHER, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"], "其他处理·逾期未缴纳费用"),
    outcome("R23", [OTHER, "3.其他"], "其他处理·其他"),
    ...T3_TAIL_ROWS,
  ],
};

const T3_2019: Table3Def = {
  corner: T3_CORNER,
  applicantHeader: T3_APPLICANT,
  columns: T3_COLUMNS,
  rows: [...T3_HEAD_ROWS, outcome("R21", [OTHER], "其他处理"), ...T3_TAIL_ROWS],
};

// ---------------------------------------------------------------- Table 4

export interface T4Group {
  /** Header path above the five columns: ["行政复议"] or ["行政诉讼", "未经复议直接起诉"]. */
  path: string[];
  columns: { code: string; label: string; total: boolean }[];
  /** Short name used in messages. */
  short: string;
}

export interface Table4Def {
  groups: T4Group[];
}

export const T4_RESULT_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] as const;

function t4Group(path: string[], first: number, short: string): T4Group {
  return {
    path,
    short,
    columns: T4_RESULT_LABELS.map((label, i) => ({
      code: `C${String(first + i).padStart(2, "0")}`,
      label,
      total: i === T4_RESULT_LABELS.length - 1,
    })),
  };
}

const T4: Table4Def = {
  groups: [
    t4Group(["行政复议"], 1, "行政复议"),
    t4Group(["行政诉讼", "未经复议直接起诉"], 6, "未经复议直接起诉"),
    t4Group(["行政诉讼", "复议后起诉"], 11, "复议后起诉"),
  ],
};

// ---------------------------------------------------------------- Formats

export interface FormatDef {
  id: FormatId;
  name: string;
  sections: readonly SectionDef[];
  table2: Table2Def;
  table3: Table3Def;
  table4: Table4Def;
}

export const FORMAT_2021: FormatDef = {
  id: "2021",
  name: "国办公开办函〔2021〕30号",
  sections: SECTIONS,
  table2: T2_2021,
  table3: T3_2021,
  table4: T4,
};

export const FORMAT_2019: FormatDef = {
  id: "2019",
  name: "国办公开办函〔2019〕60号",
  sections: SECTIONS,
  table2: T2_2019,
  table3: T3_2019,
  table4: T4,
};

export const FORMATS: Record<FormatId, FormatDef> = { "2021": FORMAT_2021, "2019": FORMAT_2019 };

/** Version of the format definition; stored in the template marker. */
export const FORMAT_DEFINITION_VERSION = "2021.1";

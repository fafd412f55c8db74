/**
 * Every Chinese sentence the rules engine says, kept together for review.
 * Plain and precise: which cell, what is wrong, what the numbers are and should be.
 */
import { fmt, severalNumbers, type InvalidReason } from "./values";
import type { SumRule, Term } from "./sumRules";
import { sumRuleTitle } from "./sumRules";

/**
 * Every rule a finding can name, with its short Chinese title (for lists, docs and the pane). The
 * keys are the rule registry (ruleRegistry.ts: `RuleId`); a finding naming a rule not listed here
 * does not compile.
 */
export const RULE_TITLES = {
  "CELL.TYPE": "单元格内容不是有效数字",
  "CELL.BLANK": "单元格为空或为占位符",
  "T3.BALANCE": "表三列平衡：第一项 + 第二项 = 第三项 + 第四项",
  "T3.OUTCOME_SUM": "表三办理结果总计等于各项之和",
  "T3.ROW_SUM": "表三总计列等于各类申请人之和",
  "T4.GROUP_SUM": "表四总计等于各结果之和",
  "T2.FEE_UNIT": "收费金额的单位应为万元",
  "PRIOR.CARRYOVER": "上年结转应等于上年报告的结转下年度",
  "PRIOR.VALID_DOCS": "现行有效件数应与上年衔接",
  "DOC.SECTIONS": "六个部分齐全且不为空",
  "DOC.YEAR": "标题、报告年度和统计期限的年份一致",
  "DOC.FORMAT": "2021 年及以后的报告应使用 2021 年格式",
  "DOC.AGENCY": "填写机关名称",
  "TEXT.NUMBERS": "正文引用的数字与表格一致",
  "TEXT.FEE": "发出收费通知时应在第六部分报告信息处理费",
  "TEXT.SIMILAR": "正文与上年报告雷同",
  "TEXT.YEAR": "正文把往年写成本年（年份与报告年度不符）",
  "CHECK.UNREAD": "未能读出的单元格，相关勾稽关系未校验",
  "IMPORT.UNPLACED": "导入时无法识别的内容",
  "IMPORT.MISSING": "导入时未找到的内容",
  "LEDGER.MATCH": "表三、表四与台账统计一致",
  "LEDGER.ROW": "台账行内容完整有效",
  "LEDGER.DEADLINE": "依申请公开答复期限",
  "LEDGER.PROCEDURE": "依申请公开办理程序（补正、延期、征求意见）",
  "LEDGER.NOTE": "台账统计说明",
  "TEMPLATE.NOT_FOUND": "工作簿中有年报模板",
  "TEMPLATE.SHEET_MISSING": "模板工作表齐全",
  "TEMPLATE.DUPLICATE": "每张模板工作表只有一份",
  "TEMPLATE.SETS": "工作簿中有几份模板",
  "TEMPLATE.VERSION": "模板的格式版本与助手一致",
  "TEMPLATE.UNREADABLE": "模板文件可以读取",
  "TEMPLATE.PRIOR": "模板中保存的上年数据有效",
  "TEMPLATE.NOT_RECALCULATED": "模板的合计已重新计算",
  "EXPORT.GLYPH": "导出的文字都有字体可以显示",
} satisfies Record<string, string>;

/** How a place is named by its printed labels (src/report/places.ts). */
export const placeText = {
  cell: (table: string, row: string, col: string) => `${table}“${row}”行“${col}”列`,
  t4Cell: (table: string, group: string, col: string) => `${table}“${group}”下“${col}”列`,
  rowCells: (table: string, row: string, cols: string) => `${table}“${row}”行的${cols}列`,
  groupCells: (table: string, group: string, cols: string) => `${table}“${group}”下${cols}列`,
  colCells: (table: string, col: string, rows: string) => `${table}“${col}”列的${rows}行`,
  rows: (table: string, rows: string) => `${table}${rows}行`,
  through: (first: string, last: string) => `“${first}”至“${last}”各`,
  andMore: (shown: string, n: number) => `${shown}等 ${n} 处`,
  section: (heading: string) => `“${heading}”部分`,
  other: {
    OPENING: "开头段落",
    "META.AGENCY": "机关名称",
    "META.YEAR": "报告年度",
    "META.CONTACT": "联系方式",
    "META.TITLE": "报告标题",
  } as Record<string, string>,
};

/** Where each kind of total is printed (for 总计未填写). */
const TOTAL_WHERE: Record<SumRule["id"], string> = {
  "T3.OUTCOME_SUM": "表三“（七）总计”行",
  "T3.ROW_SUM": "表三“总计”列",
  "T3.BALANCE": "表三",
  "T4.GROUP_SUM": "表四“总计”",
};

const REASON: Record<InvalidReason, (shown: string, value?: number) => string> = {
  text: (s) => `内容“${s}”不是数字`,
  several: (s) => `内容“${s}”是一个单元格里的多个数（${severalNumbers(s).join("、")}），可能是把一整行粘贴进了一格；每格只填一个数，请把它们分别填入各自的单元格`,
  numericText: (s, v) => `内容“${s}”是文本格式，不参与合计；请改为数字 ${v === undefined ? "" : fmt(v)}`.trimEnd(),
  error: (s) => `内容为错误值“${s}”（公式引用可能已失效）`,
  boolean: (s) => `内容为逻辑值“${s}”，不是数字`,
  negative: (_s, v) => `数值 ${fmt(v ?? 0)} 为负数，件数不能小于 0`,
  fraction: (_s, v) => `数值 ${fmt(v ?? 0)} 不是整数，件数应为整数`,
  decimals: (_s, v) => `金额 ${v} 的小数超过 6 位（万元精确到 0.000001，即 1 分）`,
  huge: (_s, v) => `数值 ${fmt(v ?? 0)} 过大，请检查是否输错`,
};

export const msg = {
  cellType(label: string, reason: InvalidReason, shown: string, value?: number): string {
    return `${label}：${REASON[reason](shown, value)}。`;
  },
  cellBlank(label: string, placeholder: string | null): string {
    return placeholder === null
      ? `${label}：未填写，按 0 计算；没有发生请填 0。`
      : `${label}：填写的是“${placeholder}”，按 0 计算；没有发生请填 0。`;
  },
  sum(rule: SumRule, values: Map<string, number>, partsSum: number, totalSum: number): string {
    const side = (terms: Term[], name: string, sum: number): string => {
      if (terms.length === 1) return `${terms[0]!.name}为 ${fmt(values.get(terms[0]!.key) ?? 0)}`;
      if (terms.length <= 3) {
        return `${terms.map((t) => `${t.name}(${fmt(values.get(t.key) ?? 0)})`).join(" + ")} = ${fmt(sum)}`;
      }
      return `${name}为 ${fmt(sum)}`;
    };
    const diff = fmt(Math.abs(totalSum - partsSum));
    const head = `${sumRuleTitle(rule)}：`;
    if (rule.id === "T3.BALANCE") {
      return `${head}${side(rule.parts, rule.partsName, partsSum)}，但${side(rule.total, rule.totalName, totalSum)}，相差 ${diff}。`;
    }
    return `${head}${side(rule.total, rule.totalName, totalSum)}，但${side(rule.parts, rule.partsName, partsSum)}，相差 ${diff}。`;
  },
  /** Blank totals of one kind: "表三“（七）总计”行未填写：自然人列应为 805，…". */
  totalBlank(rule: SumRule, items: { scope: string; expected: number }[]): string {
    const where = TOTAL_WHERE[rule.id];
    const shown = items.slice(0, 4).map((x) => `${x.scope}应为 ${fmt(x.expected)}`);
    const more = items.length > 4 ? `等 ${items.length} 处` : "";
    return `${where}未填写：${shown.join("，")}${more}。请填写总计（各项之和）；其余各项已照常校验。`;
  },
  notJudged(table: 3 | 4, checks: number, place: string): string {
    return `${table === 3 ? "表三" : "表四"}有 ${checks} 项勾稽关系未校验：${place}未能从来源读出（见导入提示），用到它们的加总不作判断。请对照原件核对这些数字。`;
  },
  feeUnitText(shown: string): string {
    return `表二“行政事业性收费”·本年收费金额：写的是“${shown}”，本栏单位是万元（1 万元 = 10000 元），请换算后只填数字。`;
  },
  feeUnitJump(value: number, prior: number): string {
    return `表二“行政事业性收费”·本年收费金额 ${fmt(value)} 万元，是上年 ${fmt(prior)} 万元的 ${Math.round(value / prior)} 倍，可能把“元”填进了“万元”栏。`;
  },
  sectionMissing(heading: string): string {
    return `缺少第${heading.slice(0, 1)}部分“${heading}”。`;
  },
  sectionEmpty(heading: string): string {
    return `第${heading.slice(0, 1)}部分“${heading}”没有内容；没有需要报告的事项请写“无”。`;
  },
  tableEmpty(heading: string): string {
    return `第${heading.slice(0, 1)}部分“${heading}”的表格还没有填写数字；没有发生的事项请填 0。`;
  },
    yearMismatch(parts: string[]): string {
    return `报告年份不一致：${parts.join("，")}。`;
  },
  agencyMissing(): string {
    return "未填写机关名称，报告标题因此缺少机关名称。在模板中请填在“封面”工作表的“机关名称”一格；文字报告请在标题中写明机关全称。";
  },
  yearMissing(): string {
    return "未填写报告年度。";
  },
  format2019(year: number): string {
    return `${year} 年度报告使用的是 2019 年旧格式（国办公开办函〔2019〕60号），${year >= 2021 ? "自 2021 年度起应使用国办公开办函〔2021〕30号格式。" : ""}`;
  },
  priorCarryover(colLabel: string, now: number | null, prior: number): string {
    return `表三 ${colLabel}列：本年“上年结转”为 ${now === null ? "空" : fmt(now)}，但上年报告“结转下年度继续办理”为 ${fmt(prior)}，应为 ${fmt(prior)}。`;
  },
  textNumber(where: string, phrase: string, cellLabel: string, tableValue: number): string {
    return `“${where}”中写“${phrase}”，但${cellLabel}为 ${fmt(tableValue)}，正文与表格不一致。`;
  },
  textFee(n: number): string {
    return `表三“逾期未按收费通知要求缴纳费用”共 ${fmt(n)} 件，说明发出过收费通知，但第六部分未报告信息处理费的收取情况。`;
  },
  textYear(where: string, snippet: string, count: number, year: number): string {
    const more = count > 1 ? `等 ${count} 处` : "";
    return `“${where}”中写“${snippet}…”${more}，但这是 ${year} 年度的报告；可能沿用了往年的文字，请核对年份。`;
  },
  textSimilar(heading: string, percent: number): string {
    return `“${heading}”与上年报告的相似度达 ${percent}%，内容可能雷同，请按本年实际情况撰写。`;
  },
  priorValidDocs(rowLabel: string, now: number, prior: number, issued: number, repealed: number): string {
    const expected = prior + issued - repealed;
    return `表二“${rowLabel}”现行有效件数 ${fmt(now)}，按上年 ${fmt(prior)} + 本年制发 ${fmt(issued)} − 本年废止 ${fmt(repealed)} 应约为 ${fmt(expected)}，相差 ${fmt(Math.abs(now - expected))}。`;
  },
};

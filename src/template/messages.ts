/**
 * Every Chinese text of the template workbook and of its readers, kept together for review.
 * Table labels themselves come from src/report/format.ts (never repeated here).
 */
import { T4_RESULT_LABELS } from "../report/format";
import { REGISTER_SHEETS } from "../ledger/sheets";
import type { TemplateRole } from "./roles";

/** Default sheet names, in workbook order. Short so that tabs stay readable. */
export const SHEET_NAMES: Record<TemplateRole, string> = {
  meta: "封面",
  text: "正文",
  t2: "表二",
  t3: "表三",
  t4: "表四",
  apps: REGISTER_SHEETS.apps.name,
  cases: REGISTER_SHEETS.cases.name,
};

/**
 * What the clerk calls the input cells, by their fill (styles.ts INPUT_FILL, FFF2CC): every
 * message that says where to type uses this, so the wording follows the sheet.
 */
export const INPUT_CELLS = "浅黄色的填写单元格";

/** What each sheet holds, for findings ("未找到“表三”工作表"). */
export const ROLE_TITLES: Record<TemplateRole, string> = {
  meta: "封面（机关名称、报告年度）",
  text: "正文（第一、五、六部分）",
  t2: "表二（主动公开政府信息情况）",
  t3: "表三（收到和处理政府信息公开申请情况）",
  t4: "表四（行政复议、行政诉讼情况）",
  apps: "申请台账（依申请公开登记台账）",
  cases: "复议诉讼台账（行政复议、行政诉讼案件）",
};

/** The register sheets (template version 3): titles, the 台账汇总 block and the deadline columns. */
export const REGISTER_LABELS = {
  appsTitle: "政府信息公开申请登记台账（每件申请一行；申请人姓名只留在本表，不进入导出的报告）",
  casesTitle: "政府信息公开行政复议、行政诉讼台账（每件案件一行）",
  due: "答复期限",
  status: "期限状态",
  summary: "台账汇总（按台账自动统计，供核对表三、表四）",
  year: "统计年度",
  t3Check: "与表三核对",
  t4Check: "与表四核对",
  notApplicable: "—",
  summaryOk: "✓ 与台账一致",
  summaryFail: ["✗ 有 ", " 处与台账不一致"] as const,
  summaryEmpty: "台账为空，未核对",
  noYear: "封面未填写报告年度",
  calendar: "工作日",
  note:
    "说明：答复期限按《政府信息公开条例》第三十条至第三十三条计算：自收到申请（或补正后收到）的次日起 20 个工作日，延期的再加 20 个工作日；" +
    "征求第三方或其他机关意见的，自征求意见日期的次日起至收到意见日期（最长 15 个工作日）不计算在内；已通知补正、尚未收到补正申请的，暂不计算期限。" +
    "工作日已计入国务院公布的法定节假日和调休上班日。状态：已逾期、即将到期（剩余 3 个工作日以内）、超期答复、已答复、办理中、待补正。",
  statusText: { overdue: "已逾期", dueSoon: "即将到期", late: "超期答复", answered: "已答复", open: "办理中", uncovered: "日历未覆盖", awaitingCorrection: "待补正" },
};

/** Workbook-level texts: document properties and the printed page footer (Excel header codes). */
export const WORKBOOK_TEXT = {
  creator: "政务公开年报助手",
  footer: "&C第 &P 页，共 &N 页",
};

export const META_LABELS = {
  title: "政府信息公开工作年度报告　填报模板",
  formatLine: (formatName: string, version: string) => `格式：${formatName}\u3000\u3000模板版本：${version}`,
  agency: "机关名称",
  year: "报告年度",
  contact: "联系方式",
  reportTitle: "报告标题",
  /** Shown in the title cell until agency and year are filled in. */
  titleFormulaSuffix: "年政府信息公开工作年度报告",
  notesHeading: "填写说明",
  notes: [
    "1. 浅黄色单元格为填写单元格，其余单元格已锁定（工作表保护未设密码，如需调整格式可在“审阅”中撤销保护）。",
    "2. 正文在“正文”表中填写，每行一段；表格在“表二”“表三”“表四”中填写，只填数字，没有发生的填 0。",
    "3. 表三的“总计”列和“（七）总计”行、表四的三个“总计”均为公式，自动计算，无需填写。",
    "4. 每张表旁边的“校验”显示勾稽关系：✓ 表示相符，✗ 表示不符并给出差额，？ 表示有单元格不是有效数字。",
    "5. 红色底色：单元格内容不是有效数字（文字、负数、小数件数、金额超过 6 位小数）；橙色底色：所在行或列的勾稽关系不成立。",
    "6. 收费金额单位为万元，最多 6 位小数（1 分 = 0.000001 万元）。",
    "7. 不打开加载项也能看到以上校验；打开“政务公开年报助手”可查看完整的检查结果并导出报告。",
  ],
};

/** The 封面 block of last year's figures (written by 从上年报告结转, read by the PRIOR.* rules). */
export const PRIOR_LABELS = {
  heading: "上年数据（结转时自动填写，用于跨年度校验）",
  note: "以下为上年报告的数据，由年报助手“从上年报告结转”写入并锁定，用于核对本年“上年结转”“现行有效件数”和收费金额。请勿手工修改；如需更正，请重新结转。",
  year: "上年度",
  /** A group of kept figures: "表三“四、结转下年度继续办理”". */
  group: (table: string, label: string) => `${table}“${label}”`,
};

export const TEXT_LABELS = {
  title: "正文（第一、五、六部分）",
  note: "每行填写一段，按顺序排列，空行会被忽略。第二、三、四部分为表格，分别在“表二”“表三”“表四”中填写。",
  openingHeading: "开头段落（可选：编制依据、统计期限、公开渠道、咨询方式等）",
  paragraphNo: (n: number) => String(n),
};

export const TABLE_LABELS = {
  t2Note: "收费金额单位为万元，最多保留 6 位小数（1 分 = 0.000001 万元）。",
  t3RowCheckHeader: "校验\n总计＝各类\n申请人之和",
  t3BalanceCheck: "校验：第一项＋第二项＝（七）总计＋第四项",
  t3OutcomeCheck: "校验：（七）总计＝（一）至（六）各项之和",
  t4CheckNote: `上一行为校验结果：各组“总计”应等于${T4_RESULT_LABELS.slice(0, -1).join("、")}之和。`,
  summaryLabel: "本表校验结果",
  colorNote: "红色底色：内容不是有效数字；橙色底色：所在行或列勾稽关系不成立；✓ 相符，✗ 不符（显示差额），？ 有无效内容。",
};

/** Texts produced by the check formulas; the first character is the state. */
export const CHECK_TEXT = {
  ok: "✓",
  failPrefix: "✗ 差 ",
  invalid: "？ 有无效内容",
  summaryOk: "✓ 全部相符",
  summaryOkNoChecks: "✓ 全部为有效数字",
  summaryFail: ["✗ 有 ", " 处勾稽关系不符"] as const,
  summaryInvalid: ["？ 有 ", " 个单元格不是有效数字"] as const,
};

export const CHECK_STATE_CHAR = { ok: "✓", fail: "✗", invalid: "？" } as const;

export const VALIDATION_TEXT = {
  countTitle: "填写件数",
  countPrompt: "请填写 0 或正整数；没有发生的填 0。",
  countErrorTitle: "件数应为整数",
  countError: "这里只能填写 0 或正整数（不要带“件”等单位，也不要填“/”“无”）。",
  amountTitle: "填写金额（万元）",
  amountPrompt: "单位：万元，最多 6 位小数；没有收费的填 0。",
  amountErrorTitle: "金额应为数字",
  amountError: "这里只能填写不小于 0 的数字，单位为万元（1 元 = 0.0001 万元）。",
  yearTitle: "报告年度",
  yearPrompt: "填写四位数年份，例如 2024。",
  yearErrorTitle: "年份不正确",
  yearError: "请填写四位数年份，例如 2024。",
  paragraphPrompt: "每行填写一段。",
  dateTitle: "填写日期",
  datePrompt: "填写日期，例如 2025-09-29 或 2025/9/29。",
  dateErrorTitle: "日期不正确",
  dateError: "这里只能填写 2008 年以后的日期，例如 2025-09-29。",
  listTitle: "从下拉列表中选择",
  listPrompt: "请从下拉列表中选择，与表三、表四的栏目一致。",
  listErrorTitle: "不在列表中",
  listError: "请从下拉列表中选择（内容须与表三、表四的栏目完全一致）。",
};

/** Findings of the readers (layout problems, not report content). */
export const READ_TEXT = {
  noTemplate: "未找到年报模板工作表（工作表上没有模板标记）。请先插入模板，或使用本工具生成的模板文件。",
  sheetMissing: (role: TemplateRole) =>
    `未找到“${SHEET_NAMES[role]}”工作表（${ROLE_TITLES[role]}），可能已被删除；这部分内容无法读取。`,
  duplicate: (role: TemplateRole, names: string[], used: string) =>
    `工作簿中有多张“${SHEET_NAMES[role]}”模板工作表（${names.join("、")}），读取的是“${used}”。`,
  severalSets: (count: number, used: string) =>
    `工作簿中有 ${count} 套年报模板，读取的是“${used}”所在的一套。`,
  formatVersion: (found: string, expected: string) =>
    `模板的格式版本为 ${found}，本工具使用的格式版本为 ${expected}，部分单元格可能无法对应。`,
  notRecalculated: "文件中没有保存公式的计算结果（可能未在 Excel 中打开保存过），合计已按模板公式重新计算。",
  unreadable: "无法读取这个 Excel 文件：文件已损坏，或不是 .xlsx 格式。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。",
  badYear: (label: string, shown: string) => `封面“${label}”：“${shown}”不是有效的四位数年份。`,
  badPrior: (label: string, shown: string) =>
    `封面“上年数据”中“${label}”的内容“${shown}”不是数字，跨年度校验未使用这一项。`,
};

export const CLI_TEXT = {
  usage: [
    "用法：xxgk-report template --out <文件.xlsx> [--year <年度>] [--agency <机关名称>]",
    "",
    "生成政府信息公开工作年度报告的 Excel 填报模板（国办公开办函〔2021〕30号格式）。",
    "",
    "选项：",
    "  --out, -o <文件>     输出的 .xlsx 文件（必填）",
    "  --year <年度>        预先填入的报告年度，例如 2024",
    "  --agency <名称>      预先填入的机关名称",
    "  --force              覆盖已存在的文件",
    "  --help, -h           显示本说明",
  ].join("\n"),
  missingOut: "缺少 --out：请指定要生成的 .xlsx 文件。",
  notXlsx: (p: string) => `输出文件应以 .xlsx 结尾：${p}`,
  badYear: (v: string) => `报告年度应为四位数年份（1990–2200），收到的是“${v}”。`,
  missingValue: (opt: string) => `选项 ${opt} 缺少取值。`,
  unknownOption: (opt: string) => `无法识别的选项：${opt}`,
  exists: (p: string) => `文件已存在：${p}（如需覆盖请加 --force）。`,
  writeFailed: (p: string, detail: string) => `无法写入文件 ${p}：${detail}`,
  written: (p: string, kb: number) => `已生成模板：${p}（${kb} KB）。用 Excel 或 WPS 打开，在浅黄色单元格中填写。`,
};

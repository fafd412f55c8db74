/** Every sentence of the roll-up, in Chinese, kept together for review (the CLI's and the pane's). */
import type { Verdict } from "./index";

const list = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join("、");
const pct = (x: number) => `${Math.round(x * 100)}%`;

export const ROLLUP_TEXT = {
  noAgency: "未能读出机关名称，无法确定是哪个单位的报告。",
  ambiguous: (names: readonly string[]) => `机关名称可对应名单中的多个单位：${list(names)}，请在名单中写全称或改文件名后重试。`,
  notInRoster: (agency: string | null) => (agency ? `名单中没有与“${agency}”对应的单位。` : "未能读出机关名称，文件名也对应不上名单中的单位。"),
  noYear: "未能读出报告年度，未计入汇总。",
  wrongYear: (year: number, expected: number) => `这是 ${year} 年度的报告（应为 ${expected} 年度），未计入汇总。`,
  oldFormat: "使用 2019 年旧格式，表格与 2021 年格式不同，未计入汇总。",
  twoFiles: (others: readonly string[]) => `同一单位还有另一份报告 ${list(others)}，请确认哪一份是正式报告；两份都未计入汇总。`,
  lastYear: "（本单位上年报告）",
  pct,
  verdictDesc: (v: Verdict, e: number, w: number) => (v === "有错误" ? `有错误 ${e} 个、警告 ${w} 个` : v === "通过" ? (w ? `通过，警告 ${w} 个` : "通过") : "无法读取"),
  /** The list's headings (the CLI adds its colon). */
  list: {
    chaseHead: (n: number) => `需要跟进（${n} 个单位）`,
    missingHead: (n: number) => `未报送（${n} 个单位）`,
    unplacedHead: (n: number) => `无法归属或无法读取的文件（${n} 份）`,
    passedHead: (n: number) => `已通过（${n} 个单位）`,
    similarHead: (n: number, threshold: number) => `内容雷同（${n} 对，重合达 ${pct(threshold)} 以上）`,
    similarPart: (heading: string, ratio: number) => `${heading} ${pct(ratio)}`,
    noSimilar: (threshold: number) => `内容雷同：未发现重合达 ${pct(threshold)} 以上的报告。`,
  },
  /** Writing the totals and the sheets into the open workbook (the pane). */
  write: {
    source: (year: number, units: number) => `${year} 年度 ${units} 个单位的合计`,
    yearMismatch: (rollup: number, book: number) => `打开的工作簿是 ${book} 年度的报告，汇总的是 ${rollup} 年度各单位的报告，请确认后再写入。`,
    noTotals: "没有单位计入合计（全部无法读取、有年度或格式问题，或同一单位有两份报告），表二、表三、表四不会改动。",
    incomplete: (label: string, units: readonly string[]) => `${label}：无法合计（${list(units)} 填的不是数字，或其报告中这一格未能读出），不写入，请核实后补填。`,
    sheetNew: (name: string) => `新建工作表“${name}”。`,
    sheetTaken: (base: string, name: string) => `工作簿中已有工作表“${base}”，原表不动，本次写入新工作表“${name}”。`,
  },
  workbook: {
    overviewHead: ["单位", "状态", "计入汇总", "错误", "警告"],
    fileHead: "文件",
    noteHead: "说明",
    yes: "是",
    no: "否",
    missing: "未报送",
    unreadable: "无法读取",
    unplacedName: "（无法归属的文件）",
    similarHead: ["单位甲", "单位乙", "章节", "重合比例"],
    incompleteNote: (units: readonly string[]) => `无法合计：${list(units)} 在此格填的不是数字，或其报告中这一格未能读出，请核实后补填。`,
  },
} as const;

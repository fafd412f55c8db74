/** Every sentence of the roll-up, in Chinese, kept together for review. */
const list = (xs: readonly string[]) => xs.map((x) => `“${x}”`).join("、");

export const ROLLUP_TEXT = {
  noAgency: "未能读出机关名称，无法确定是哪个单位的报告。",
  ambiguous: (names: readonly string[]) => `机关名称可对应名单中的多个单位：${list(names)}，请在名单中写全称或改文件名后重试。`,
  notInRoster: (agency: string | null) => (agency ? `名单中没有与“${agency}”对应的单位。` : "未能读出机关名称，文件名也对应不上名单中的单位。"),
  noYear: "未能读出报告年度，未计入汇总。",
  wrongYear: (year: number, expected: number) => `这是 ${year} 年度的报告（应为 ${expected} 年度），未计入汇总。`,
  oldFormat: "使用 2019 年旧格式，表格与 2021 年格式不同，未计入汇总。",
  twoFiles: (others: readonly string[]) => `同一单位还有另一份报告 ${list(others)}，请确认哪一份是正式报告；两份都未计入汇总。`,
  lastYear: "（本单位上年报告）",
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
    incompleteNote: (units: readonly string[]) => `无法合计：${list(units)} 在此格填的不是数字，请核实后补填。`,
  },
} as const;

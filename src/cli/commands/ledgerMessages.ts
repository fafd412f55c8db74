/** What `xxgk-report ledger` prints, in Chinese. */
export const LEDGER_CLI = {
  missingFile: "请指定台账文件（.xlsx 或 .csv）。",
  badKind: (f: string) => `“${f}”不是 .xlsx 或 .csv 文件；台账请保存为 Excel 工作簿或 CSV。`,
  badYear: (y: string) => `--year 的值“${y}”不是有效的四位数年份。`,
  badToday: (d: string) => `--today 的值“${d}”不是有效日期（例如 2025-11-03）。`,
  badColumns: (part: string) => `--columns 中“${part}”应写成“台账列标题=文件中的列名”，例如“收到日期=受理时间”。`,
  missingYear: "请用 --year 指定统计年度（例如 --year 2025）；文件中没有可用的报告年度。",
  header: (file: string, year: number, counted: { applications: number; cases: number }, ignored: { applications: number; cases: number }) =>
    `${file}\n  ${year} 年度 · 申请台账计入 ${counted.applications} 行（其他年度 ${ignored.applications} 行）· 复议诉讼台账计入 ${counted.cases} 行（其他年度 ${ignored.cases} 行）`,
  t3Head: (cols: string[]) => `表三（按台账统计；列依次为 ${cols.join("、")}）`,
  t4Head: "表四（按台账统计）",
};

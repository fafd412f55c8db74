/**
 * What the workflow says (结转/导入, 导入已有台账, 按台账填写), in one place for review. The pane's
 * strings (src/pane/strings.ts) spread these into its own groups, so the clerk reads one voice.
 */

export const W = {
  transfer: {
    openingHeading: "开头段落",
    computed: "（公式自动计算）",
    metaField: { agency: "机关名称", year: "报告年度", contact: "联系方式" } as Record<string, string>,
    yearMismatch: (source: number, target: number) =>
      `上年报告是 ${source} 年度，本工作簿的模板是 ${target} 年度（应为 ${source + 1} 年度）：请确认选对了文件。`,
    importYearMismatch: (source: number, target: number) => `来源是 ${source} 年度的报告，本工作簿的模板是 ${target} 年度：请确认选对了文件。`,
  },
  ledger: {
    sourceLabel: (apps: string, cases: string): string => `台账（${apps}、${cases}）统计的表三、表四`,
    import: {
      noRegister: (name: string): string => `“${name}”中没有找到台账：任何一张表都没有“收到日期”“申请人类型”“办理结果”等列标题。`,
      empty: (name: string): string => `“${name}”的表头下面没有内容，没有可导入的行。`,
      source: (name: string, line: number): string => `来源：${name}（表头在第 ${line} 行）`,
      column: (letter: string, header: string, sample: string): string => `${letter} 列：${header || "（无标题）"}${sample ? `（例：${sample}）` : ""}`,
      rowName: (sheet: string, row: number): string => `${sheet}第 ${row} 行`,
    },
  },
} as const;

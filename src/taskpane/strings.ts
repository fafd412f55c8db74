/**
 * Every sentence the task pane and the ribbon commands show, in one place for review.
 * Plain Simplified Chinese for clerks; the rules engine's own messages come from src/report.
 */
import type { Severity } from "../report/schema";

export type TableGroupId = "cover" | "text" | "t2" | "t3" | "t4" | "other";

export const S = {
  appName: "政务公开年报助手",
  /** Title line when the agency or year is not known yet. */
  untitled: "政府信息公开工作年度报告",
  reportTitle: (agency: string | null, year: number | null): string =>
    [agency?.trim() || "（未填写机关名称）", year === null ? "（未填写年度）" : `${year} 年度`].join(" · "),
  formatLabel: (format: string): string => (format === "2019" ? "2019 年旧格式" : "2021 年格式"),

  /**
   * Group names. 封面/正文/表二/表三/表四 are the template's sheet names (src/template/messages.ts
   * SHEET_NAMES, applied in state.ts); only the catch-all group and the hover titles live here.
   */
  otherGroup: "其他",
  groupTitle: {
    cover: "封面：机关名称、报告年度、标题",
    text: "正文：开头与第一、五、六部分",
    other: "不对应某一张表的问题",
  },

  severity: { error: "错误", warning: "警告", info: "提示" } satisfies Record<Severity, string>,

  summary: {
    checking: "正在校验…",
    allPassed: "全部通过",
    noTemplate: "尚未插入年报模板",
    readFailed: "无法读取工作簿",
    noTemplateSpoken: "当前工作簿中没有年报模板。",
    counts: (e: number, w: number, i: number): string =>
      [`错误 ${e}`, `警告 ${w}`, ...(i > 0 ? [`提示 ${i}`] : [])].join(" · "),
    /** Read by screen readers after each pass. */
    spoken: (e: number, w: number, i: number): string =>
      e + w + i === 0 ? "校验完成，全部通过。" : `校验完成：${e} 个错误，${w} 个警告${i ? `，${i} 条提示` : ""}。`,
    lastChecked: (time: string): string => `上次校验 ${time}`,
  },

  actions: {
    insert: "插入模板",
    insertLong: "插入年报模板",
    revalidate: "重新校验",
    exportWord: "导出 Word",
    exportPdf: "导出 PDF",
    downloadTemplate: "下载模板文件（.xlsx）",
    selectAll: "全部选中",
    dismiss: "关闭",
  },

  list: {
    regionLabel: "校验结果",
    empty: "没有发现问题。数据之间的勾稽关系全部成立。",
    blankGroup: (table: string, n: number): string => `${table} ${n} 个单元格未填写`,
    blankGroupHint: "未填写的单元格按 0 计算；没有发生请填 0。",
    goTo: "定位到单元格",
  },

  template: {
    missingTitle: "未找到年报模板",
    missingBody: "当前工作簿中没有年报模板工作表。插入模板后即可填写，助手会随时校验。",
    damagedTitle: "年报模板不完整",
    damagedBody: (names: string): string => `找不到以下模板工作表：${names}。它们可能被删除或改名后无法识别。可以插入一份新的模板（不会覆盖现有工作表）。`,
    agencyLabel: "机关名称",
    agencyPlaceholder: "例如：某某区人民政府办公室",
    yearLabel: "报告年度",
    inserted: (sheets: string[]): string => `已插入年报模板：${sheets.join("、")}。`,
    exists: (sheets: string[]): string =>
      `工作簿中已有年报模板（${sheets.join("、") || "模板工作表"}），未重复插入。`,
    unsupportedTitle: "此版本 Excel 无法自动插入模板",
    unsupportedBody:
      "自动插入模板需要 Excel 2021、Microsoft 365、Excel 网页版或 Mac 版 Excel（ExcelApi 1.13）。Office 2019 及更早版本请下载模板文件，用 Excel 打开后填写；打开后本助手仍可校验。",
  },

  notInExcel: {
    title: "请在 Excel 中打开年报助手",
    body: "这个页面是 Excel 加载项的任务窗格，需要在 Excel（Windows、Mac 或网页版）中运行：在“开始”选项卡点击“年报助手”。",
  },

  legacy: {
    title: "此版本 Office 无法运行年报助手",
    body: "您使用的 Office 版本（如 Office 2016/2019 批量许可版）内置的浏览器组件过旧，无法运行本助手。请下载年报模板文件，用 Excel 打开后填写；模板中的公式和条件格式会提示表内勾稽错误。",
  },

  export: {
    working: (kind: string): string => `正在生成 ${kind} 文件…`,
    notReady: "此页面不能导出文件（未配置文件保存方式）。",
    fileLink: (name: string): string => `下载“${name}”`,
    blockedByErrors: (n: number): string => `报告还有 ${n} 个错误，导出的文件会带着这些错误。请先改正，或再次点击仍然导出。`,
    failed: (why: string): string => `导出失败：${why}`,
    noReport: "请先插入并填写年报模板，再导出。",
  },

  errors: {
    readFailed: (why: string): string => `读取工作簿失败：${why}。请稍后点击“重新校验”。`,
    insertFailed: (why: string): string => `插入模板失败：${why}`,
    selectFailed: "无法定位到该单元格：对应的工作表可能已被删除或改名。",
    unknown: "未知错误",
  },

  commands: {
    noticeTitle: "政务公开年报助手",
    openPaneHint: "点击“开始”选项卡上的“年报助手”打开校验窗格。",
    ok: "确定",
  },
} as const;

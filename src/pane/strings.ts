/**
 * Every sentence the task pane and the ribbon commands show, in one place for review.
 * Plain Simplified Chinese for clerks; the rules engine's own messages come from src/report.
 */
import type { Severity } from "../report/schema";
import { W } from "../workflow/messages";


export type TableGroupId = "cover" | "text" | "t2" | "t3" | "t4" | "other";

export const S = {
  appName: "政务公开年报助手",
  /** Title line when the agency or year is not known yet. */
  untitled: "政府信息公开工作年度报告",
  reportTitle: (agency: string | null, year: number | null): string =>
    // A no-break space: a narrow pane never breaks "2025" from "年度".
    [agency?.trim() || "（未填写机关名称）", year === null ? "（未填写年度）" : `${year}\u00a0年度`].join(" · "),
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
    /** 待填: blank cells and empty parts (a report in progress), shown alone when nothing is wrong. */
    counts: (e: number, w: number, i: number, todo: number): string =>
      [...(e + w + i > 0 ? [`错误 ${e}`, `警告 ${w}`] : []), ...(i > 0 ? [`提示 ${i}`] : []), ...(todo > 0 ? [`待填 ${todo}`] : [])].join(" · "),
    /** Read by screen readers after each pass. */
    spoken: (e: number, w: number, i: number, todo: number): string =>
      e + w + i + todo === 0
        ? "校验完成，全部通过。"
        : `校验完成：${[`${e} 个错误`, `${w} 个警告`, ...(i ? [`${i} 条提示`] : []), ...(todo ? [`${todo} 处待填`] : [])].join("，")}。`,
    lastChecked: (time: string): string => `上次校验 ${time}`,
    notStarted: "未开始填写",
    notStartedSpoken: "年报模板已插入，尚未开始填写。",
    /** Only the registers typed into (issue 21): what is true, not 未开始填写. */
    ledgerOnly: (n: number, tables: string): string => `台账已登记 ${n} 件，${tables}尚未按台账填写`,
    ledgerOnlySpoken: (text: string, e: number, w: number, i: number): string =>
      `${text}。${e + w + i ? `另有 ${[`${e} 个错误`, `${w} 个警告`, ...(i ? [`${i} 条提示`] : [])].join("，")}。` : ""}`,
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
    rollForward: "上年结转",
    rollForwardLong: "从上年报告结转",
    exportWordAnyway: "仍然导出 Word",
    exportPdfAnyway: "仍然导出 PDF",
    restore: (names: string) => `恢复${names}`,
    importReport: "导入报告",
  },

  /** 从上年报告结转 / 导入报告 (the transfer panel). */
  /** A panel whose chunk could not load (结转与导入, 按台账填写). */
  panelLoadFailed: (why: string): string => `这项功能未能加载：${why}。请检查网络后重试。`,

  /** 结转与导入: what the pane shows while the panel's chunk loads; the panel's own: transferStrings.ts. */
  transfer: {
    reading: (what: string) => `正在读取“${what}”…`,
    close: "关闭面板",
  },

  list: {
    regionLabel: "校验结果",
    empty: "没有发现问题。数据之间的勾稽关系全部成立。",
    blankGroup: (table: string, n: number): string => `${table} ${n} 个单元格未填写`,
    blankGroupHint: "未填写的单元格按 0 计算；没有发生请填 0。",
    /** The section of blank cells and empty parts (not errors of what was typed). */
    todo: "待填",
    goTo: "定位到单元格",
  },

  template: {
    missingTitle: "未找到年报模板",
    missingBody: "当前工作簿中没有年报模板工作表。插入模板后即可填写，助手会随时校验。",
    damagedTitle: "年报模板不完整",
    damagedBody: (names: string): string => `找不到模板工作表：${names}。它可能被删除了。可以只恢复这张表（空白，与原模板相同），其他工作表和已填的内容不受影响。`,
    damagedNoRestore: "此版本 Excel 不能自动恢复工作表：请下载模板文件，把缺少的表复制到本工作簿。",
    restored: (names: string[]): string => `已恢复：${names.join("、")}（空白表格，其他工作表未改动）。`,
    restoredBlank: (names: string[]): string => `已恢复：${names.join("、")}（空白表格）。`,
    restoreFailed: (why: string): string => `恢复工作表失败：${why}`,
    agencyRequired: "请填写机关名称，它会写入封面和报告标题。",
    startTitle: "未开始填写",
    startSteps: [
      "先在“封面”核对机关名称和报告年度。",
      "在“表二”“表三”“表四”填写数字：没有发生的填 0，总计由公式计算。",
      "在“正文”写第一、五、六部分，每行一段。",
    ],
    startAgency: "封面还没有机关名称，请先填写。",
    startHint: "开始填写后，这里会列出每一处需要核对的地方。也可以用“上年结转”从上年报告开始。",
    startGo: "转到封面",
    ledgerOnlyTitle: (apps: number, cases: number): string =>
      `台账已登记 ${[...(apps ? [`${apps} 件申请`] : []), ...(cases ? [`${cases} 件复议、诉讼`] : [])].join("、")}`,
    ledgerOnlyBody: (tables: string): string =>
      `${tables}还是空白，与台账的统计不一致。可以按台账一次填好：先预览每个单元格将填入的数字，确认后才写入，写入后可以撤销。`,
    agencyLabel: "机关名称",
    agencyPlaceholder: "例如：某某区人民政府办公室",
    yearLabel: "报告年度",
    inserted: (sheets: string[]): string => `已插入年报模板：${sheets.join("、")}。`,
    /** Office 2019 builds the template in several batches: shown while it does. */
    building: (step: number, steps: number): string => `正在建立模板：步骤 ${step} / ${steps}，请稍候，不要编辑工作簿。`,
    exists: (sheets: string[]): string =>
      `工作簿中已有年报模板（${sheets.join("、") || "模板工作表"}），未重复插入。`,
    unsupportedTitle: "此版本 Excel 无法自动插入模板",
    unsupportedBody:
      "自动插入模板需要 Office 2019 或更新版本的 Excel，或 Microsoft 365、Mac 版或网页版 Excel。Office 2016 等更早版本请下载模板文件，用 Excel 打开后填写；打开后本助手仍可校验。",
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
    /** `emptyParts`: parts with nothing filled in (counted as 待填 in the chip, still missing in a report). */
    blockedByErrors: (errors: number, emptyParts: number): string =>
      `报告还有 ${[...(errors ? [`${errors} 个错误`] : []), ...(emptyParts ? [`${emptyParts} 个部分未填写`] : [])].join("、")}，导出的文件会带着这些问题。请先改正，或再次点击仍然导出。`,
    failed: (why: string): string => `导出失败：${why}`,
    noReport: "请先插入并填写年报模板，再导出。",
  },

  ledger: {
    ...W.ledger,
    title: "台账",
    counts: (apps: number, answered: number, pending: number, cases: number): string =>
      `本年收到申请 ${apps} 件，本年已答复 ${answered} 件，尚未答复 ${pending} 件；本年复议、诉讼 ${cases} 件。`,
    overdueTitle: "已逾期",
    dueSoonTitle: "即将到期",
    awaitingTitle: "待补正",
    /** The register chunk could not load: what is not checked, and that the rest is. */
    unavailable: (why: string): string => `台账检查组件加载失败：${why}。本次未核对台账（表三、表四与台账是否一致、答复期限），其余校验照常。请检查网络后点“重新校验”。`,
    none: "无",
    empty: "本年的申请台账和复议诉讼台账还没有记录。登记后，这里统计件数并列出已逾期和即将到期的申请。",
    overdue: (name: string, due: string, late: number): string => `${name}：答复期限 ${due}，已超过 ${late} 个工作日`,
    dueSoon: (name: string, due: string, left: number): string => `${name}：答复期限 ${due}，还剩 ${left} 个工作日`,
    awaiting: (name: string, noticed: string): string => `${name}：${noticed} 已通知补正，收到补正后的申请再起算答复期限`,
    fill: "按台账填写表三/表四",
    /** The fix button in a LEDGER.MATCH finding and in the banner. */
    fillShort: "按台账填写",
    /** The 按台账填写 preview's numbers: each changed cell, now → after. */
    numbers: {
      caption: (table: string, n: number): string => `${table}填写后（${n} 个单元格有变化）`,
      cell: "单元格",
      before: "现在",
      after: "填写后",
      blank: "空白",
      arrow: "改为 ",
      note: (kind: "fill" | "conflict" | "total", applies: boolean, after: number): string =>
        kind === "conflict" ? (applies ? "（已勾选，改写）" : `（未勾选，保留；台账为 ${after}）`) : kind === "total" ? "（公式合计）" : "",
      zeroFills: (n: number): string => `其余 ${n} 个空白单元格填 0（台账中没有对应的申请或案件）。`,
    },
    noYear: "封面还没有填写报告年度：填写后，这里按年度统计台账，并列出已逾期和即将到期的申请。",
    previewTitle: "按台账填写预览",
    confirm: "确认填写",
    working: "正在填写…",
    done: (n: number): string => `已按台账填写 ${n} 个单元格。`,
    undo: "撤销填写",
    undone: "已撤销，表三、表四恢复为按台账填写前的内容。",
    carryHeading: "上年台账中未办结的申请：",
    carryLine: (n: number, sheet: string, first: number, last: number): string =>
      `${n} 件在上年年底尚未办结，将转入本年${sheet}第 ${first}–${last} 行（计入表三“上年结转”，并继续计算答复期限）。`,
    carryNone: "没有要转入本年台账的申请。",
    carried: (n: number, sheet: string): string => `上年未办结的 ${n} 件申请已转入${sheet}。`,
    importOpen: "导入已有台账…",
    /** 导入已有台账: what the 台账 card shows while its panel reads; the panel's own: ledgerImportStrings.ts. */
    importReading: (name: string): string => `正在读取“${name}”…`,
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

  /**
   * 汇总多个单位… (政务公开办: every unit's report into the district's totals): the toolbar's words.
   * The panel's own are in rollupStrings.ts, loaded with it.
   */
  rollup: {
    action: "汇总多个单位…",
    actionTitle: "政务公开办：读入各单位的年报，列出需要跟进的单位，把合计写入本工作簿",
    close: "关闭",
    loadFailed: (why: string): string => `“汇总多个单位”未能打开：${why}。请检查网络后重试。`,
  },
} as const;

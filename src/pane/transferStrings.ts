/**
 * The sentences of the 结转与导入 panel (and of 按台账填写, which shows the same preview), for review
 * beside strings.ts. Apart from it because the panel is a lazy chunk (transferPanel.ts); the readers'
 * own messages are src/workflow/messages.ts (W.transfer).
 */
import { FORMATS } from "../report/format";
import { W } from "../workflow/messages";

/** The 表三 row that a roll-forward fills, labelled as the format defines it. */
const CARRIED_LABEL = FORMATS["2021"].table3.rows.find((r) => r.role === "carried")!.path[0]!;

export const TRANSFER_STRINGS = {
  ...W.transfer,
  title: { rollForward: "从上年报告结转", import: "导入报告" },
  intro: {
    rollForward:
      "选择上年的年度报告（填好的年报模板 .xlsx、Word .docx、PDF、网页 .html 或文字 .txt），或粘贴报告全文。助手会把上年“结转下年度继续办理”填入本年“上年结转”，把正文作为草稿带过来，并保存上年数据用于跨年度校验。",
    import:
      "选择一份年度报告（.xlsx 年报模板、.docx、.pdf、.html 或 .txt），或粘贴报告全文。空白单元格直接填入；已有内容的单元格只有勾选后才会被覆盖。",
  },
  chooseFile: "选择文件…",
  fileHint: "支持 .xlsx（本助手的年报模板）、.docx、.pdf、.html、.txt",
  pasteLabel: { rollForward: "或粘贴上年报告的全文：", import: "或粘贴报告的全文：" },
  pastePlaceholder: "从网页或 Word 复制整篇报告（含表格）后粘贴到这里",
  readPasted: "读取粘贴的文字",
  reading: (what: string) => `正在读取“${what}”…`,
  pasted: "粘贴的文字",
  cancel: "取消",
  close: "关闭面板",
  back: "重新选择",
  confirm: { rollForward: "确认结转", import: "确认导入" },
  working: { rollForward: "正在结转…", import: "正在导入…" },
  tooBig: (mb: number) => `文件过大（${mb} MB）。年度报告通常不超过 20 MB，请检查是否选错了文件。`,
  readFailed: (why: string) => `无法读取文件：${why}`,
  notReport: "未能识别为政府信息公开工作年度报告：",
  xlsxUnavailable:
    "此环境无法读取 .xlsx 文件（读取组件未能加载）。请在 Excel 中打开该文件，复制全部内容后粘贴到这里，或另存为 .html 后再导入。",
  docxUnavailable: "此环境无法读取 .docx 文件（读取组件未能加载）。请在 Word 中打开该文件，全选复制后粘贴到这里。",
  /** EdgeHTML 18 and IE11 (no module workers), or pdf.js's worker did not load (src/pane/pdfjs.ts). */
  pdfUnavailable:
    "此环境无法读取 PDF 文件（这个 Office 版本的加载项窗口不支持 PDF 读取组件，或组件未能加载）。请改为导入同一报告的 Word 版（.docx）、网页版（.html）或文字版（.txt）；也可以在 PDF 阅读器中全选并复制报告全文，粘贴到下面的文本框后点“读取粘贴的文字”。",
  moduleFailed: (why: string) => `读取组件加载失败：${why}。请检查网络后重试，或改为粘贴文字。`,
  source: (agency: string | null, year: number | null, from: string) =>
    `${agency?.trim() || "（未写机关名称）"} ${year === null ? "（年度不明）" : `${year} 年度`}报告（${from}）`,
  previewTitle: { rollForward: "结转预览", import: "导入预览" },
  from: (label: string) => `来源：${label}`,
  into: (year: number | null) => (year === null ? "写入本工作簿的年报模板" : `写入 ${year} 年度年报模板`),
  insertFirst: (year: number) => `工作簿中还没有年报模板：确认后先插入 ${year} 年度模板，再填入以下内容。`,
  carryHeading: `表三“${CARRIED_LABEL}”将填入：`,
  carryNone: "上年报告中没有可用的“结转下年度继续办理”数字，上年结转未填。",
  draftsHeading: "正文作为草稿带入（请按本年实际情况修改）：",
  draft: (heading: string, n: number) => `${heading}（${n} 段）`,
  priorHeading: "上年数据（保存在“封面”，用于跨年度校验）：",
  priorLine: (year: number | null, n: number) => `${year === null ? "上年" : `${year} 年度`}的 ${n} 项数据（结转下年度、现行有效件数、收费金额）`,
  metaHeading: "封面将填入：",
  fillsLine: (cells: number, texts: number) => `将填入 ${cells} 个空白单元格${texts ? `、${texts} 部分正文` : ""}。`,
  unchangedLine: (n: number) => `${n} 个单元格与现有内容相同，不变。`,
  nothingToDo: "没有可以填入的内容：来源中的数据与工作簿中已有的相同，或都是空白。",
  conflictsLegend: (n: number) => `以下 ${n} 处已有内容，与来源不同。勾选的才会被覆盖（默认不覆盖）：`,
  conflictChange: (current: string, incoming: string) => `现有 ${current} → 来源 ${incoming}`,
  textChange: (current: number, incoming: number) => `现有 ${current} 字 → 来源 ${incoming} 字`,
  blank: "（空）",
  notesHeading: "说明：",
  findingsSummary: (n: number) => `来源中未能放入或需要注意的内容（${n} 条）`,
  noFindings: "来源中的内容已全部识别。",
  done: {
    rollForward: (n: number) => `已从上年报告结转：填入 ${n} 项，上年数据已保存。请核对“上年结转”，并按本年实际修改正文草稿。`,
    import: (n: number) => `已导入 ${n} 项。`,
  },
  nothingWritten: "没有写入任何内容。",
  changedSincePreview: "预览之后工作簿中有单元格被修改，为避免覆盖，本次没有写入。已按最新内容重新生成预览，请再确认一次。",
  undo: { rollForward: "撤销结转", import: "撤销导入" },
  undone: "已撤销，单元格恢复为导入前的内容。",
  undoChanged: (cells: string) => `以下内容在导入后又被修改过：${cells}。撤销会覆盖这些修改。`,
  undoKeep: "保留这些修改，撤销其余",
  undoAll: "全部撤销",
  writeFailed: (why: string) => `写入失败：${why}`,
} as const;

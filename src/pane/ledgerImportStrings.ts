/**
 * The sentences of the 导入已有台账 panel, for review beside strings.ts. Apart from it because the
 * panel is a lazy chunk (ledgerImportPanel.ts); the readers' own messages are
 * src/workflow/messages.ts (W.ledger.import).
 */
import { W } from "../workflow/messages";

export const LEDGER_IMPORT_STRINGS = {
  ...W.ledger.import,
  title: "导入已有台账",
  fileHint: "选择原来登记用的 Excel 表格（.xlsx）或 CSV 文件。表头不必与模板相同，下一步可以逐列指定对应关系。",
  chooseFile: "选择文件…",
  reading: (name: string): string => `正在读取“${name}”…`,
  tooBig: (mb: number): string => `文件有 ${mb} MB，太大，不像是台账。请检查是否选错了文件。`,
  readFailed: (why: string): string => `无法读取这个文件：${why}`,
  moduleFailed: (why: string): string => `读取功能加载失败：${why}。请检查网络后重试。`,
  xlsxUnavailable: "在这个 Excel 版本中无法读取 .xlsx 文件。请把台账另存为 CSV（逗号分隔）后再导入。",
  csvUnavailable: "这个 Excel 版本（Internet Explorer 内核，例如 Office 2016/2019 批量许可版）不能识别 GBK/GB18030 编码的 CSV 文件。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再导入。",
  mapTitle: "核对列的对应关系",
  mapHint: "为模板的每一列选择来源文件中的列；带 * 的必须选择。选择后下方预览随之更新。",
  register: (sheet: string): string => `${sheet}的各列`,
  required: "（必选）",
  none: "（无此列，留空）",
  missing: (titles: string): string => `还需要为 ${titles} 选择来源列，才能导入。`,
  previewTitle: (sheet: string): string => `${sheet}预览（前 5 行，按写入后的样子）`,
  willAppend: (n: number, sheet: string, first: number, last: number): string => `将追加 ${n} 行到${sheet}第 ${first}–${last} 行。`,
  nothing: "来源中没有可导入的行。",
  issuesTitle: (n: number): string => `无法对应的内容（${n} 处，按原文写入，导入后请改正）`,
  duplicatesTitle: (n: number): string => `编号重复（${n} 处）`,
  guessesTitle: "推断的申请人类型（请核对后再确认导入）",
  refusedTitle: "不能导入",
  sourceLine: "来源行",
  sheetRow: "写入行",
  more: (n: number): string => `……共 ${n} 处`,
  confirm: "确认导入",
  cancel: "取消",
  done: (parts: string): string => `已导入 ${parts}。`,
  donePart: (n: number, sheet: string, first: number, last: number): string => `${n} 行到${sheet}（第 ${first}–${last} 行）`,
  undo: "撤销导入台账",
  undone: "已撤销导入台账，导入的行已清空。",
  changedSincePreview: "台账在预览之后有改动（要写入的行已有内容），没有导入任何内容。预览已按最新内容更新，请再确认一次。",
  undoChanged: (rows: string): string => `${rows}在导入后被修改过，撤销没有执行。可以只清空未修改的行，保留你的修改。`,
  undoKeep: "只撤销未修改的行",
  writeFailed: (why: string): string => `导入台账失败：${why}`,
} as const;

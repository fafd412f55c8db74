/**
 * Every Chinese sentence the importer says, kept together for review. Each names what was found,
 * where (表三 第N行, 第五部分) and what happened to it.
 */
import { cellInfo, fmt, FEE_CELL, SECTIONS } from "../report";
import type { ZipProblem } from "./zip";

const quote = (s: string) => `“${s}”`;

/** What markup came from: a saved page, or the HTML made of a Word file. */
export type MarkupSource = "page" | "docx";
const SOURCE: Record<MarkupSource, string> = { page: "这个网页", docx: "这个 Word 文件" };
const SOURCE_SHORT: Record<MarkupSource, string> = { page: "网页", docx: "文件" };
const list = (values: string[]) => values.map(quote).join("、");

export const importText = {
  // ---- whole input
  empty(): string {
    return "文件是空的，没有可导入的内容。";
  },
  gbUnsupported(): string {
    return "这个 Excel 版本（Internet Explorer 内核，例如 Office 2016/2019 批量许可版）不能识别 GBK/GB18030 编码的文件。请把报告全文复制后粘贴到下面的文本框，或把文件另存为 UTF-8 编码后再导入。";
  },
  binary(): string {
    return "文件不是文本、网页或 Word（.docx）文件，无法导入。";
  },
  pdfScanned(pages: number): string {
    return `这个 PDF 文件（${pages} 页）只有图片、没有文字，是扫描件，无法读出其中的数字。请导入同一报告的网页版、Word 版或可复制文字的 PDF；或用文字识别（OCR）软件转成文字，核对后粘贴为文本导入。`;
  },
  pdfEncrypted(): string {
    return "这个 PDF 文件设有打开密码或已加密，无法读取。请导入未加密的 PDF，或同一报告的网页版、Word 版。";
  },
  pdfBroken(): string {
    return "这个 PDF 文件已损坏或不是有效的 PDF，无法读取。请重新下载，或导入同一报告的网页版、Word 版。";
  },
  pdfTooLong(pages: number, max: number): string {
    return `这个 PDF 文件有 ${pages} 页，超过年度报告的篇幅（最多读取 ${max} 页），未读取。请确认文件是否为年度报告本身。`;
  },
  tooManyLines(lines: number, max: number): string {
    return `无法读取：按版面排列的文字共有 ${lines} 行，超过上限 ${max} 行（年度报告只有几百行），不像是一份年度报告。`;
  },
  pdfTooSlow(): string {
    return "读取这个 PDF 文件超时，未读取。请导入同一报告的网页版、Word 版，或复制 PDF 中的文字粘贴为文本导入。";
  },
  pdfUnavailable(): string {
    return "这里无法加载 PDF 读取组件。请复制 PDF 中的文字粘贴为文本导入，或导入网页版、Word 版报告。";
  },
  legacyDoc(): string {
    return "这是旧版 Word（.doc）文件，无法直接导入。请在 Word 或 WPS 中另存为 .docx 后再导入。";
  },
  spreadsheet(): string {
    return "这是 Excel 工作簿，不是已发布的报告文本；请用本加载项生成的模板打开或核对。";
  },
  docxUnavailable(): string {
    return "这里无法加载 Word 读取组件，未读取这个文件。请在 Word 中打开该文件，全选复制后粘贴为文本导入。";
  },
  brokenDocx(): string {
    return "无法读取这个 Word 文件：文件可能已损坏，或不是 .docx 格式。";
  },
  /** A zip container (.docx, .xlsx) over the limits of ./zip, or broken. */
  container(p: ZipProblem, ext: "docx" | "xlsx"): string {
    const what = ext === "docx" ? "Word 文件" : "Excel 文件";
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    switch (p.kind) {
      case "corrupt":
        return `无法读取 ${what}：文件已损坏（压缩数据不完整或不一致），或不是 .${ext} 格式。请在 Office 或 WPS 中打开后重新保存再试。`;
      case "entries":
        return `无法读取 ${what}：压缩包内有 ${p.count} 个部件，超过上限 ${p.limit} 个。正常的年度报告只有几十个部件，文件可能已损坏或被篡改。`;
      case "part":
        return `无法读取 ${what}：部件“${p.name}”解压后超过 ${mb(p.limit)} 上限。正常的年度报告解压后只有几百 KB，文件可能已损坏或被篡改。`;
      case "total":
        return `无法读取 ${what}：需要读取的内容解压后超过 ${mb(p.limit)} 上限。正常的年度报告解压后只有几百 KB，文件可能已损坏或被篡改。`;
      case "missing":
        return `无法读取 ${what}：缺少必需的部件“${p.name}”，文件已损坏或不是 .${ext} 格式。`;
    }
  },
  tooDeep(limit: number, source: MarkupSource = "page"): string {
    return `无法读取${SOURCE[source]}：标签嵌套超过 ${limit} 层（正常的${SOURCE_SHORT[source]}不超过几十层），文件可能已损坏或被篡改。`;
  },
  tooManyElements(limit: number, source: MarkupSource = "page"): string {
    return `无法读取${SOURCE[source]}：${SOURCE_SHORT[source]}中的标签超过 ${limit} 个（年度报告通常只有几千个），文件可能已损坏或被篡改。`;
  },
  tooManyCells(limit: number, source: MarkupSource = "page"): string {
    return `无法读取${SOURCE[source]}：表格展开后超过 ${limit} 个单元格（年度报告的表格合计只有几百个），文件可能已损坏或被篡改。`;
  },
  tooSlow(seconds: number, source: MarkupSource = "page"): string {
    return `无法读取${SOURCE[source]}：读取超过 ${seconds} 秒仍未完成，已停止。正常的年度报告不到一秒即可读完，文件可能已损坏或被篡改。`;
  },
  wordTooLarge(paragraphs: number, runs: number, maxParagraphs: number, maxRuns: number): string {
    return `无法读取这个 Word 文件：文件中有 ${paragraphs} 个段落、${runs} 个文字片段，超过上限（${maxParagraphs} 个段落、${maxRuns} 个片段）。年度报告通常只有一两千个段落，文件可能已损坏或被篡改。`;
  },
  tooManyRows(rows: number, limit: number): string {
    return `无法读取：文件中的表格共有 ${rows} 行，超过上限 ${limit} 行（年度报告的三张表合计不到 100 行），不像是一份年度报告。`;
  },
  findingsCapped(shown: number, total: number): string {
    return `未能放入报告的内容过多（共 ${total} 处），只列出前 ${shown} 处。`;
  },
  unrecognised(): string {
    return `未能识别为政府信息公开工作年度报告：没有找到${quote(SECTIONS[0]!.heading)}等章节标题，也没有找到表二、表三、表四。请确认导入的是年度报告全文（含表格）。`;
  },
  internalError(): string {
    return "导入时发生意外错误，未能读取内容。请把文件反馈给开发者。";
  },

  // ---- metadata
  noTitle(): string {
    return "没有找到报告标题（如“某某机关2023年政府信息公开工作年度报告”），机关名称和报告年度需要手工填写。";
  },
  titleWithoutYear(title: string): string {
    return `标题${quote(title)}中没有年份，报告年度需要手工填写。`;
  },

  // ---- sections
  missingSection(heading: string): string {
    return `没有找到第${heading.slice(0, 1)}部分${quote(heading)}的标题，该部分内容未能导入。`;
  },
  headingApprox(found: string, heading: string): string {
    return `标题${quote(found)}与标准标题${quote(heading)}不完全一致，已按第${heading.slice(0, 1)}部分导入。`;
  },

  // ---- tables
  missingTable(table: string, heading: string): string {
    return `没有找到${table}（${heading}）的表格，表中数据全部未导入，不参与勾稽校验。`;
  },
  unknownTable(index: number, first: string): string {
    return `第 ${index} 个表格（首行${quote(first)}）不是标准格式中的表二、表三或表四，其中的数据未导入。`;
  },
  unplacedRow(table: string, rowNo: number, label: string, values: string[]): string {
    const v = values.length ? `，其中的数值 ${list(values)} 未导入` : "，未导入";
    return `${table} 第 ${rowNo} 行${quote(label)}对应不到标准格式中的任何一行${v}。`;
  },
  unlabelledRow(table: string, rowNo: number, values: string[]): string {
    return `${table} 第 ${rowNo} 行没有行标签，无法确定数值 ${list(values)} 属于哪一行，未导入。`;
  },
  duplicateRow(table: string, rowNo: number, label: string): string {
    return `${table} 第 ${rowNo} 行${quote(label)}与前面的行重复，已保留前面的数值，本行未导入。`;
  },
  extraValues(table: string, rowNo: number, label: string, values: string[]): string {
    return `${table} 第 ${rowNo} 行${quote(label)}的数值比表格的列多，${list(values)} 无法确定所属的列，未导入；本行不参与勾稽校验。`;
  },
  shortRow(table: string, rowNo: number, label: string, found: number, expected: number, columns: string[], values: string[]): string {
    return `${table} 第 ${rowNo} 行${quote(label)}只找到 ${found} 个数值（应为 ${expected} 个），无法确定各数值所在的列（${columns.join("、")} 可能为空白），本行未导入，不参与勾稽校验；数值为 ${list(values)}，请对照原件填写。`;
  },
  columnOrder(table: string, labels: string[]): string {
    return `${table}的列顺序与标准格式不同（${labels.join("、")}），已按表头的列名导入。`;
  },
  collapsedRow(table: string, rowNo: number, label: string, rows: string[], into: string): string {
    return `${table} 第 ${rowNo} 行只有一行${quote(label)}（2019 年旧格式的写法）；2021 年格式要求分为 ${rows.length} 行：${rows.map(quote).join("、")}。已把这一行的数字读入${quote(into)}，其余 ${rows.length - 1} 行为空；请按各种情形分别填写。`;
  },
  missingRow(table: string, label: string): string {
    return `${table}中没有找到${quote(label)}这一行，相应单元格未能读出，不参与勾稽校验。`;
  },
  approxLabel(table: string, rowNo: number, found: string, label: string): string {
    return `${table} 第 ${rowNo} 行${quote(found)}与标准行名${quote(label)}不完全一致，已按${quote(label)}导入，请核对。`;
  },
  /** How 表四's single row of values is named in messages. */
  t4Row: "数值行",
  unreadTable(table: string, heading: string): string {
    return `${quote(heading)}下有${table}的行名，但表格未能读出（像是扫描件识别出的文字，表格线和数字没有读成表格），表中数据全部未导入，不参与勾稽校验，请对照原件填写。`;
  },
  t4NoValues(): string {
    return "表四的数值行未能读出（找到了表头，没有找到一行可读的数字），表四数据未导入，不参与勾稽校验，请对照原件填写。";
  },
  blankFromImage(table: string, rowNo: number, label: string, blanks: number): string {
    return `${table} 第 ${rowNo} 行${quote(label)}有 ${blanks} 格没有读到数字；这张表像是扫描件识别出的文字（表格线被读成了字符），空格可能是漏读的数字，本行未导入，不参与勾稽校验，请对照原件填写。`;
  },
  garbledRow(table: string, rowNo: number, label: string, values: string[]): string {
    return `${table} 第 ${rowNo} 行${quote(label)}的数字未能读出：${list(values)} 不是可读的数字（扫描件文字识别常把表格线读成“|”或 1、0），本行未导入，不参与勾稽校验，请对照原件填写。`;
  },
  feeUnit(written: string, value: number): string {
    return `${cellInfo(FEE_CELL)?.label ?? FEE_CELL}写的是${quote(written)}，本栏单位是万元；已按原数 ${fmt(value)} 导入，换算为万元应为 ${fmt(value / 10000)}（${fmt(value)} ÷ 10000），请核对后改正。`;
  },
  feeUnitHeader(header: string): string {
    return `表二收费金额的列标题写的是${quote(header)}，标准格式的单位是万元；请确认金额是否需要除以 10000。`;
  },
};

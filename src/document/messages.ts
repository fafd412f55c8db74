/** Every Chinese sentence of the export (document, glyph check, CLI), kept together for review. */
import type { FontRole } from "./fonts";

const ROLE_NAMES: Record<FontRole, string> = {
  title: "标题（小标宋）",
  hei: "一级标题（黑体）",
  kai: "二级标题（楷体）",
  fang: "正文（仿宋）",
  song: "页码（宋体）",
};

export const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

export const text = {
  defaultTitle: (agency: string | null, year: number | null): string =>
    `${agency ?? ""}${year === null ? "" : `${year}年`}政府信息公开工作年度报告`,
  fallbackFileName: "政府信息公开工作年度报告",

  glyphMissing: (ch: string, where: string, count: number): string =>
    `“${ch}”（${codePoint(ch)}）出现在${where}${count > 1 ? `（共 ${count} 处）` : ""}，PDF 内嵌字体中没有这个字，` +
    `生成的 PDF 会显示为空框，因此未导出 PDF。可改为导出 Word 文件，在装有完整字库的电脑上另存为 PDF。`,
  glyphFallback: (ch: string, where: string, role: FontRole, count: number): string =>
    `“${ch}”（${codePoint(ch)}）出现在${where}${count > 1 ? `（共 ${count} 处）` : ""}，${ROLE_NAMES[role]}字体中没有这个字，` +
    `PDF 中这个字改用仿宋显示。`,

  needsConfirmation: (errors: number): string => `报告有 ${errors} 个错误。确认仍要导出吗？导出的文件会原样包含这些错误。`,
  refused: "报告中有 PDF 字体无法显示的字，未导出 PDF。",
  fontsLoadFailed: (detail: string): string => `无法加载 PDF 字体：${detail}。请检查网络后重试，或改为导出 Word 文件。`,
  /** The CLI reads the fonts from its own install: no network to check. */
  fontsReadFailed: (detail: string): string => `无法读取本程序自带的 PDF 字体：${detail}。请重新安装本程序，或改为导出 Word 文件。`,
  /** A shipped font file cut short (fontsNode.ts readFontFacts). */
  fontFileShort: (file: string, size: number, part: string, end: number): string =>
    `${file} 只有 ${size} 字节，${part}应到第 ${end} 字节：文件不完整`,
  fontFileShrank: (file: string): string => `${file} 在读取时变短了`,
  fontFileHeader: "文件头",
  fontFileDirectory: "表目录",
  fontFileTable: (tag: string): string => `${tag} 表`,
};

/** The `xxgk-report export` command. */
export const cli = {
  usage: [
    "用法：xxgk-report export <报告文件> [--docx 输出.docx] [--pdf 输出.pdf] [--html 输出.html] [--force]",
    "",
    "把报告（.txt、.html、.docx 或本工具的 .xlsx 模板）导出为 Word、PDF 或 HTML。",
    "  --docx <文件>  导出 Word 文件（按 GB/T 9704 排版，字体由本机提供）",
    "  --pdf <文件>   导出 PDF 文件（内嵌字体）",
    "  --html <文件>  导出 HTML（可粘贴到网站内容管理系统）",
    "  --force        报告有错误时仍然导出",
    "",
    "退出码：0 成功；1 报告有错误（未加 --force）或有字无法显示；2 文件无法读取或写入。",
  ].join("\n"),
  noInput: "缺少报告文件。",
  noOutput: "请至少指定 --docx、--pdf 或 --html 中的一个输出文件。",
  tooManyInputs: (extra: string): string => `只能导出一个报告文件，多余的参数：${extra}`,
  cannotWrite: (name: string, detail: string): string => `无法写入 ${name}：${detail}`,
  summary: (errors: number, warnings: number): string => `检查结果：${errors} 个错误，${warnings} 个警告。`,
  blocked: (errors: number): string => `报告有 ${errors} 个错误，未导出。修改后重试，或加 --force 仍然导出。`,
  forced: (errors: number): string => `报告有 ${errors} 个错误，已按 --force 导出。`,
  written: (kind: string, file: string): string => `已导出 ${kind}：${file}`,
  pdfRefused: (file: string): string => `未导出 PDF（${file}）：报告中有内嵌字体无法显示的字，见上。`,
  finding: (severity: "error" | "warning" | "info", rule: string, message: string): string =>
    `${severity === "error" ? "错误" : severity === "warning" ? "警告" : "提示"} [${rule}] ${message}`,
};

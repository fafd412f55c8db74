/** Every sentence the CLI prints, in Chinese, kept together for review. */
import type { Finding } from "../report";
import { printable } from "./terminal";

const firstMessages = (fs: Finding[]) =>
  fs
    .slice(0, 3)
    .map((f) => `  ${printable(f.message)}`)
    .join("\n");

export const cliText = {
  usage: `用法：
  xxgk-report check <文件或文件夹> [--json] [--prior <上年报告文件>] [--details|-v]
      校验年度报告（.xlsx 模板、.txt 粘贴文本、.html 网页、.docx Word 文件）。
      给出文件夹时逐个校验其中的报告，每个文件一行，最后给出汇总；
      加 --details（-v）时在每个文件下面列出它的全部问题。
  xxgk-report template --out <文件.xlsx> [--year 年度] [--agency 机关名称]
      生成可在 Excel、WPS 或 LibreOffice 中独立使用的年报模板。
  xxgk-report export <报告文件> [--docx 输出.docx] [--pdf 输出.pdf] [--html 输出.html] [--force]
      导出为公文格式的 Word、PDF 或网页。
  xxgk-report ledger <台账.xlsx|台账.csv> --year 年度 [--json] [--today 日期] [--columns 收到日期=受理时间,…]
      按依申请公开台账（和复议诉讼台账）统计表三、表四，并列出台账中的问题和答复期限。
  xxgk-report rollup <文件夹> --year 年度 [--roster 名单.xlsx|.csv|.txt] [--out 汇总.xlsx] [--prior 上年文件夹] [--parent 本级报告] [--threshold 0.5] [--json]
      政务公开办汇总：逐个校验各单位报告，对照名单列出未报送、有错误、无法读取的单位，逐格合计表二、表三、表四，
      找出内容雷同的单位；--out 写出汇总工作簿（模板格式，另含“单位一览”“雷同”两张表）。

退出码：0 没有错误（可以有警告）；1 发现错误；2 文件无法读取或无法识别。`,
  unknownCommand: (c: string) => `未知命令“${c}”。`,
  missingFile: "请指定要校验的文件或文件夹。",
  missingOptionValue: (o: string) => `选项 ${o} 需要一个值。`,
  unknownOption: (o: string) => `未知选项“${o}”。`,
  notAFile: (f: string) => `“${f}”不是文件。`,
  cannotRead: (f: string) => `无法读取文件“${f}”：文件不存在或没有读取权限。`,
  noTemplate: (f: string, fs: Finding[]) => `“${f}”中没有找到年报模板的工作表。\n${firstMessages(fs)}`.trimEnd(),
  unrecognised: (f: string, fs: Finding[]) => `无法识别“${f}”中的年度报告。\n${firstMessages(fs)}`.trimEnd(),
  broken: (f: string) => `文件“${f}”已损坏或格式不受支持，无法读取。`,
  priorUnreadable: (f: string) => `上年报告“${f}”无法使用，已跳过跨年度校验。`,
  emptyFolder: (d: string) => `文件夹“${d}”中没有可校验的报告文件（.xlsx、.txt、.html、.docx）。`,
  header: (file: string, format: string, year: number | null, agency: string | null) =>
    `${file}\n  ${agency ?? "（未识别机关名称）"} · ${year ?? "（未识别年度）"} 年度 · ${format === "2019" ? "2019 年旧格式" : "2021 年格式"}`,
  where: (place: string) => `（${place}）`,
  whereSum: (total: string, addends: string) => `（总计 ${total}；加数 ${addends}）`,
  whereBalance: (left: string, right: string) => `（一、二项 ${left}；总计与第四项 ${right}）`,
  severity: { error: "错误", warning: "警告", info: "提示" } as Record<string, string>,
  blankGroup: (n: number, table: string) => `${table}有 ${n} 个单元格未填写或为占位符，按 0 计算。`,
  summary: (e: number, w: number) => (e === 0 && w === 0 ? "全部通过。" : `错误 ${e} 个 · 警告 ${w} 个`),
  batchLine: (status: string, file: string, desc: string) => `${status} ${file}  ${desc}`,
  batchDesc: (agency: string | null, year: number | null, e: number, w: number) =>
    `${agency ?? "未识别机关"} ${year ?? "?"} 年度  错误 ${e} · 警告 ${w}`,
  batchSummary: (n: number, ok: number, bad: number, unreadable: number) =>
    `共 ${n} 个文件：通过 ${ok} 个，有错误 ${bad} 个，无法读取 ${unreadable} 个。`,
  // ---- file-system care (src/cli/paths.ts)
  tooBig: (f: string, mb: number) => `文件“${f}”超过 ${mb} MB，不像是一份年度报告，未读取。`,
  outputIsInput: (out: string, input: string) => `输出文件“${out}”就是输入文件“${input}”，不能覆盖输入。请换一个输出文件名。`,
  outputTwice: (a: string, b: string) => `输出文件“${a}”与“${b}”是同一个文件，请分别指定不同的文件名。`,
  fsError: (code: string, at: string): string => {
    const why: Record<string, string> = {
      ENOENT: "路径不存在，也无法创建",
      EACCES: "没有权限",
      EPERM: "没有权限",
      EROFS: "位于只读的文件系统上",
      ENOTDIR: "路径中有一段是文件而不是文件夹",
      EISDIR: "这是一个文件夹",
      ENOSPC: "磁盘空间不足",
    };
    return `“${at}”${why[code] ?? `无法访问（${code}）`}`;
  },
  unreadableFolder: (d: string) => `无法读取文件夹“${d}”：没有读取权限或已被移走，其中的报告未校验。`,
  skippedLink: (d: string) => `跳过符号链接文件夹“${d}”（为避免循环和重复，不进入链接的文件夹；请直接校验它指向的文件夹）。`,
};

/** What `xxgk-report rollup` prints, in Chinese, kept together for review. */
import { ROLLUP_TEXT } from "../../workflow/rollup/messages";

const { list: L } = ROLLUP_TEXT;

export const ROLLUP_CLI = {
  missingFolder: "请指定存放各单位报告的文件夹。",
  missingYear: "请用 --year 指定汇总的年度，例如 --year 2025。",
  badYear: (y: string) => `年度“${y}”无效，应为四位数字的年份，例如 2025。`,
  badThreshold: (t: string) => `--threshold “${t}”无效，应为 0 到 1 之间的小数，例如 0.5。`,
  notAFolder: (d: string) => `“${d}”不是文件夹。`,
  rosterUnreadable: (f: string, why: string) => `名单“${f}”无法读取：${why}`,
  rosterEmpty: (f: string) => `名单“${f}”中没有找到单位名称（第一行写“单位名称”作标题，每行一个单位）。`,
  parentUnreadable: (f: string, why: string) => `本级报告“${f}”无法读取：${why}`,
  progress: (k: number, n: number) => `已读 ${k} / ${n} 份报告…`,
  head: (year: number, roster: number | null, files: number) =>
    `${year} 年度汇总 · ${roster === null ? "未给名单" : `名单 ${roster} 个单位`} · 文件 ${files} 份`,
  chaseHead: (n: number) => `${L.chaseHead(n)}：`,
  unit: (mark: string, name: string, file: string | null, desc: string) => `  ${mark} ${name}${file ? `（${file}）` : ""}：${desc}`,
  verdictDesc: ROLLUP_TEXT.verdictDesc,
  missingHead: (n: number) => `${L.missingHead(n)}：`,
  unplacedHead: (n: number) => `${L.unplacedHead(n)}：`,
  unplaced: (file: string, reason: string) => `  ? ${file}：${reason}`,
  passedHead: (n: number) => `${L.passedHead(n)}：`,
  totalsHead: (n: number) => `汇总表（${n} 个单位的表二、表三、表四逐格相加）：`,
  keyLine: (parts: string[]) => `  ${parts.join("，")}`,
  keyPart: (label: string, v: number | null) => `${label} ${v === null ? "无法合计" : v}`,
  blanks: (cells: number, total: number) => `  空白单元格按 0 计入：共 ${total} 格次，涉及 ${cells} 个单元格。`,
  incompleteHead: (n: number) => `  无法合计的单元格（${n} 个：有单位填的不是数字，或其报告中这一格未能读出）：`,
  incomplete: (label: string, units: readonly string[]) => `    ${label}：${units.join("、")}`,
  sumsOk: "  汇总数勾稽关系：全部相符。",
  sumsBad: (n: number) => `  汇总数勾稽关系不相符 ${n} 处（源于单位报告本身的错误，见上）：`,
  similarHead: (n: number, threshold: number) => `${L.similarHead(n, threshold)}：`,
  similar: (a: string, b: string, parts: string[]) => `  ${a} 与 ${b}：${parts.join("，")}`,
  similarPart: L.similarPart,
  noSimilar: L.noSimilar,
  parentHead: (n: number) => `本级报告与各单位合计不一致（${n} 项，供核对说明，不一定是错误）：`,
  parentSame: "本级报告与各单位合计一致。",
  parentLine: (label: string, parent: number, sum: number) => `  ${label}：本级 ${parent}，合计 ${sum}（差 ${Math.round((parent - sum) * 1e6) / 1e6}）`,
  wrote: (f: string) => `已写出汇总工作簿“${f}”。`,
  outNotXlsx: (f: string) => `汇总工作簿“${f}”应以 .xlsx 结尾。`,
  outExists: (f: string) => `“${f}”已存在，未覆盖。换一个文件名，或加 --force 替换它。`,
} as const;

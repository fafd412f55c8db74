/** Every Chinese sentence of the registers (LEDGER.* findings, notes), kept together for review. */
import { isoOf } from "./dates";

/** "申请台账第 12 行（编号 2025-003）". */
export function rowName(source: string, line: number, id: string | null): string {
  return `${source}第 ${line} 行${id ? `（编号 ${id}）` : ""}`;
}

/** "第 3、8、12 行" — at most 10 rows named, then how many more. */
export function linesList(lines: readonly number[], max = 10): string {
  if (lines.length === 0) return "没有对应的行";
  const shown = lines.slice(0, max).join("、");
  return lines.length > max ? `第 ${shown} 行等 ${lines.length} 行` : `第 ${shown} 行`;
}

const d = isoOf;

/** One differing cell of a LEDGER.MATCH finding: `written` null = blank. */
export interface MatchCell {
  key: string;
  label: string;
  written: number | null;
  counted: number;
  lines: readonly number[];
}

/** "“一、本年新收…”·自然人空白，按申请台账应为 1（第 3 行）" — the table's name is said once, before. */
function matchCell(table: string, source: string, c: MatchCell): string {
  const label = c.label.startsWith(table) ? c.label.slice(table.length) : c.label;
  const now = c.written === null ? "空白" : `为 ${c.written}`;
  return `${label}${now}，按${source}应为 ${c.counted}（${linesList(c.lines, 5)}）`;
}

export const LEDGER_MSG = {
  missingColumn: (source: string, title: string) => `${source}缺少“${title}”列，无法按台账统计；请补上这一列或在导入时指定对应的列。`,
  noHeader: (source: string, titles: string) => `${source}中没有找到表头（应包括 ${titles}），无法读取台账。`,
  badDate: (row: string, title: string, shown: string) => `${row}：“${title}”的内容“${shown}”不是有效日期，本行未计入统计。`,
  badOptionalDate: (row: string, title: string, shown: string) => `${row}：“${title}”的内容“${shown}”不是有效日期，计算答复期限时未使用。`,
  missing: (row: string, title: string) => `${row}：未填写“${title}”，本行未计入统计。`,
  unknownType: (row: string, shown: string, allowed: string) => `${row}：申请人类型“${shown}”不是表三的申请人类别（${allowed}），本行未计入统计。`,
  unknownOutcome: (row: string, shown: string) => `${row}：办理结果“${shown}”无法对应到表三的办理结果，本行未计入统计；请从下拉列表中选择。`,
  unknownKind: (row: string, shown: string, allowed: string) => `${row}：类型“${shown}”不是表四的类型（${allowed}），本行未计入统计。`,
  unknownResult: (row: string, shown: string, allowed: string) => `${row}：结果“${shown}”不是表四的结果（${allowed}），本行未计入统计。`,
  badUncountedChoice: (row: string, title: string, shown: string, allowed: string) => `${row}：${title}“${shown}”不是下拉列表中的写法（${allowed}），请改正；本行仍计入统计。`,
  badExtended: (row: string, shown: string) => `${row}：“是否延期”的内容“${shown}”应为“是”或“否”，按未延期计算期限。`,
  answeredNoOutcome: (row: string) => `${row}：已填写答复日期，但未填写办理结果，本行未计入统计。`,
  outcomeNoAnswer: (row: string) => `${row}：已填写办理结果，但未填写答复日期，按尚未答复（结转）统计。`,
  answerBeforeReceipt: (row: string, received: number, answered: number) =>
    `${row}：答复日期 ${d(answered)} 早于收到日期 ${d(received)}，本行未计入统计。`,
  correctedBeforeReceipt: (row: string, received: number, corrected: number) =>
    `${row}：补正后收到日期 ${d(corrected)} 早于收到日期 ${d(received)}，计算答复期限时未使用。`,
  outOfRange: (row: string, title: string, day: number, from: number, to: number) =>
    `${row}：“${title}” ${d(day)} 不在合理范围（${d(from)} 至 ${d(to)}）内，可能输错，本行未计入统计。`,
  inFuture: (row: string, title: string, day: number, today: number) => `${row}：“${title}” ${d(day)} 晚于今天（${d(today)}），请检查。`,
  duplicateId: (source: string, id: string, lines: readonly number[]) => `${source}中编号“${id}”重复出现在${linesList(lines)}。`,
  otherYears: (source: string, year: number, n: number) =>
    `${source}中有 ${n} 行与 ${year} 年度无关（${year} 年以前已答复，或 ${year} 年以后才收到），未计入 ${year} 年度统计。`,
  casesOtherYears: (source: string, year: number, n: number) => `${source}中有 ${n} 行不是 ${year} 年收到的案件，未计入 ${year} 年度表四。`,
  noYear: "封面未填写报告年度，无法按台账统计表三、表四。",
  /** LEDGER.MATCH, one per table: how many cells differ (the 台账汇总's “有 N 处”), a few named. */
  mismatchTable: (table: string, source: string, n: number, named: readonly MatchCell[]) =>
    `${table}有 ${n} 处与${source}的统计不一致：${named.map((c) => matchCell(table, source, c)).join("；")}${n > named.length ? `；另有 ${n - named.length} 处` : ""}。`,
  overdue: (row: string, due: number, late: number) => `${row}：答复期限为 ${d(due)}，至今未答复，已逾期 ${late} 个工作日。`,
  dueSoon: (row: string, due: number, left: number) =>
    left === 0 ? `${row}：今天（${d(due)}）是答复期限的最后一天，尚未答复。` : `${row}：答复期限为 ${d(due)}，还剩 ${left} 个工作日，尚未答复。`,
  answeredLate: (row: string, due: number, answered: number, late: number) =>
    `${row}：答复期限为 ${d(due)}，${d(answered)} 才答复，超期 ${late} 个工作日。`,
  awaitingCorrection: (row: string, noticed: number) => `${row}：${d(noticed)} 已通知补正，尚未填写补正后收到日期，答复期限自收到补正申请的次日起算。`,
  lateCorrectionNotice: (row: string, received: number, noticed: number, latest: number) =>
    `${row}：补正通知日期 ${d(noticed)} 晚于收到日期 ${d(received)} 后 7 个工作日（${d(latest)}），条例第三十条要求在 7 个工作日内一次性告知补正。`,
  extensionUnapproved: (row: string) => `${row}：“是否延期”为“是”，但未填写延期批准日期；延期须经政府信息公开工作机构负责人同意并告知申请人（条例第三十三条），请补填批准日期。`,
  approvalAfterDue: (row: string, approved: number, due: number) =>
    `${row}：延期批准日期 ${d(approved)} 晚于原答复期限 ${d(due)}，延期应在原期限届满前批准并告知申请人。`,
  approvalNotExtended: (row: string, approved: number) => `${row}：填写了延期批准日期 ${d(approved)}，但“是否延期”不是“是”，按未延期计算答复期限；如已延期，请把“是否延期”改为“是”。`,
  replyWithoutConsult: (row: string, replied: number) => `${row}：填写了收到意见日期 ${d(replied)}，但未填写征求意见日期，计算答复期限时未扣除征求意见的时间。`,
  replyBeforeConsult: (row: string, sent: number, replied: number) =>
    `${row}：收到意见日期 ${d(replied)} 早于征求意见日期 ${d(sent)}，计算答复期限时按征求意见后 15 个工作日扣除，请核对。`,
  calendarUnknown: (years: readonly number[], last: number) =>
    `节假日数据只到 ${last} 年，${years.join("、")} 年的法定节假日和调休尚未公布或未收录，这些年份的答复期限只按周末计算，请核对。`,
  unknownValueRows: (source: string, title: string, shown: string, n: number, lines: string, allowed: string | null) =>
    `${source}${lines}（共 ${n} 行）：${title}“${shown}”${allowed ? `不是表中的类别（${allowed}）` : "无法对应到表三的办理结果"}，这些行未计入统计；请改为下拉列表中的写法。`,
  excludedRows: (source: string, n: number, total: number, lines: string) =>
    `${source}共 ${total} 行，其中 ${n} 行（${lines}）因上述问题未计入统计，改正后才计入。`,
  reworded: (source: string, lines: string, title: string, shown: string, label: string) =>
    `${source}${lines}的${title}写作“${shown}”，已按“${label}”统计；表内“台账汇总”只认下拉列表的写法，请改为“${label}”，两边才一致。`,
  guessPart: (label: string, n: number, byDefault: number, lines: string) =>
    `${label} ${n} 行（${lines}${byDefault ? (byDefault === n ? "，名称看不出类别，按默认" : `，其中 ${byDefault} 行名称看不出类别，按默认`) : "，按名称推断"}）`,
  guessedTypes: (source: string, title: string, parts: string) =>
    `${source}没有“${title}”列，已按申请人名称推断（以“有限公司”“律师事务所”“研究所/研究院”“基金会/协会”等结尾的按相应类别，其余按自然人）：${parts}。请核对；如有不对，请补上“${title}”列。`,
  importBadDate: (title: string) => `“${title}”不是有效日期`,
  importBadChoice: (title: string, allowed: string) => `“${title}”应为 ${allowed} 之一`,
  importBadOutcome: "“办理结果”无法对应到表三的办理结果",
  importUnmapped: (source: string, line: number, title: string, shown: string, why: string, sheet: string, row: number, excludes: boolean) =>
    `${source}第 ${line} 行“${title}”为“${shown}”：${why}。已按原文写入${sheet}第 ${row} 行，${excludes ? "该行暂不计入统计" : "该行仍计入统计"}，请导入后改正。`,
  importUnmappedRows: (title: string, shown: string, n: number, sourceLines: string, sheetRows: string, excludes: boolean) =>
    `“${title}”为“${shown}”的 ${n} 行（来源${sourceLines}）无法对应，已按原文写入（${sheetRows}），${excludes ? "这些行暂不计入统计" : "这些行仍计入统计"}，请导入后改正。`,
  importDuplicate: (source: string, line: number, id: string, sheet: string, row: number) =>
    `${source}第 ${line} 行的编号“${id}”在${sheet}第 ${row} 行已有，仍会导入，请核对是否重复登记。`,
  importFull: (sheet: string, n: number, free: number, from: number, to: number) =>
    free > 0
      ? `${sheet}只剩 ${free} 个空行（第 ${from}–${to} 行），放不下要导入的 ${n} 行，未导入任何内容。请删减来源文件中的行，或另建一份工作簿。`
      : `${sheet}已没有空行，放不下要导入的 ${n} 行，未导入任何内容。请另建一份工作簿。`,
  importOlderLayout: (source: string, sheet: string, titles: readonly string[]) =>
    `本工作簿的${sheet}是旧版模板，没有${titles.map((t) => `“${t}”`).join("、")}列，${source}中这些列的内容不会导入；如需记录，请改用新版模板（插入年报模板）。`,
  importNoSheet: (sheet: string) => `工作簿中没有“${sheet}”工作表（第 3 版模板才有台账），无法导入。`,
  carrySource: (sheet: string, year: number) => `${year} 年度${sheet}`,
  carryProblem: (name: string) => `${name}年底尚未办结，但这一行有错误（见上年工作簿的检查结果），没有转入：改正后可再结转一次，或在本年台账中手工补登。`,
  carryPresent: (name: string) => `${name}已在本年台账中（编号相同），不再转入。`,
};

/** Past the bounds of ./limits: what was too large, where, and the bound. */
export const LEDGER_LIMIT_MSG = {
  tooManyRows: (where: string, limit: number) => `${where}超过 ${limit} 行（台账读取上限），未读取。正常的台账只有几百到几千行；请检查文件是否完整，或分成几个文件。`,
  rowBeyond: (sheet: string, row: number, limit: number) =>
    `工作表“${sheet}”第 ${row} 行有内容，超过台账读取上限（${limit} 行），未读取这个文件。如果这一行是误输入的，请删除后再导入。`,
  tooManyColumns: (row: number, count: number, limit: number) => `第 ${row} 行有 ${count} 列以上，超过上限 ${limit} 列，未读取。请检查分隔符是否正确。`,
  fieldTooLong: (row: number, limit: number) => `第 ${row} 行有一个内容超过 ${limit} 个字符（Excel 单元格的上限），未读取。请检查引号是否成对。`,
  tooManyCells: (limit: number) => `文件的单元格超过 ${limit} 个（台账读取上限），未读取。请只保留台账所在的工作表后再导入。`,
  tooSlow: (seconds: number) => `读取超过 ${seconds} 秒仍未完成，已停止。请只保留台账所在的工作表后再导入。`,
  findingsCapped: (source: string, shown: number, total: number) => `${source}共有 ${total} 处问题，只列出前 ${shown} 处；请先改正这些，再重新检查。`,
};

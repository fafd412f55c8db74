/** Chinese text of writeInputs (roll forward, import, undo) and of the write plan, on every host. */
export const WRITE_TEXT = {
  noTemplate: "工作簿中没有年报模板，无法写入。请先插入模板。",
  sheetMissing: (name: string) => `找不到“${name}”工作表（可能已被删除），本次没有写入任何内容。`,
  locked: (where: string) =>
    `“${where}”中要写入的单元格已被锁定（工作表受保护），本次没有写入任何内容。请在“审阅”中撤销工作表保护后重试。`,
  formulas: (cells: string) => `以下单元格中是公式：${cells}。为避免覆盖公式，本次没有写入任何内容；请先把公式改为数值或清除后重试。`,
  notInput: (keys: string[]) => `以下位置不是模板的填写单元格（合计由公式计算），不能写入：${keys.join("、")}。本次没有写入任何内容。`,
  paragraphsMerged: (heading: string, paras: number, rows: number, merged: number) =>
    `“${heading}”共 ${paras} 段，模板中只有 ${rows} 行：最后 ${merged} 段已一起写入第 ${rows} 行（每段一行，内容完整）。`,
  noPriorBlock: "这份模板是旧版本（没有“上年数据”区域），上年数据没有保存到工作簿，只在本次打开的助手中用于校验。",
  tooLong: (max: number) => `有一段文字超过了 Excel 单元格的上限（${max} 字），本次没有写入任何内容。`,
  protectFailed: (detail: string) => `“封面”工作表设置了保护密码，无法写入上年数据：${detail}。本次没有写入任何内容。`,
};

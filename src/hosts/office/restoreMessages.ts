/** Chinese text of restoring deleted template sheets (restoreSheets.ts). */
export const RESTORE_TEXT = {
  unsupported: "此版本 Excel 不能自动恢复工作表（需要 Microsoft 365、Office 2021 或更新版本、Mac 版或网页版 Excel）。",
  noTemplate: "工作簿中没有年报模板，无法恢复工作表。请先插入模板。",
  nothingMissing: "模板工作表都在，没有需要恢复的。",
  otherVersion: (version: string) =>
    `工作簿中的年报模板是旧版本（模板版本 ${version}），与本助手自带的模板布局不同，不能只恢复其中一张表。请下载新模板，把已填的内容复制过去。`,
  failed: (detail: string) => `恢复工作表失败：${detail}`,
  notInserted: "Excel 没有插入工作表。",
  partly: (restored: string[], missing: string[]) => `只恢复了${restored.join("、")}；${missing.join("、")}没有恢复，请再试一次。`,
  unknown: (detail: string) => `恢复工作表时 Excel 报告错误（${detail}），之后无法确认哪些工作表已恢复。请查看工作表标签后再决定是否重试。`,
  relinked: (registers: string[], restored: string[]) =>
    `${registers.join("、")}中引用${restored.join("、")}的统计和核对公式已重新指向恢复的表格（台账内容未改动）。`,
  ownLinks: (registers: string[]) => `恢复的${registers.join("、")}中的统计和核对公式已指向本工作簿的封面、表三、表四。`,
  relinkFailed: (registers: string[], restored: string[]) =>
    `${registers.join("、")}中引用${restored.join("、")}的公式仍显示 #REF!：助手未能修改这些公式（例如工作表设有密码）。请撤销工作表保护后删除并恢复${registers.join("、")}，或手工改正这些公式。台账内容未改动，加载项的核对不受影响。`,
};

/** Chinese text of restoring deleted template sheets (restoreSheets.ts). */
export const RESTORE_TEXT = {
  unsupported: "此版本 Excel 不能自动恢复工作表（需要 Microsoft 365、Office 2021 或更新版本、Mac 版或网页版 Excel）。",
  noTemplate: "工作簿中没有年报模板，无法恢复工作表。请先插入模板。",
  nothingMissing: "模板工作表都在，没有需要恢复的。",
  otherVersion: (version: string) =>
    `工作簿中的年报模板是旧版本（模板版本 ${version}），与本助手自带的模板布局不同，不能只恢复其中一张表。请下载新模板，把已填的内容复制过去。`,
  failed: (detail: string) => `恢复工作表失败：${detail}`,
};

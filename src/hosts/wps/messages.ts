/** Chinese text of the WPS adapter and the WPS add-in pages. */
export const WPS_TEXT = {
  noWorkbook: "WPS 表格中没有打开的工作簿。请先新建或打开一个工作簿。",
  downloadFailed: (url: string) => `未能从服务器取得模板文件（${url}）。请检查网络，或改为下载模板文件后在 WPS 表格中打开填写。`,
  insertFailed: (detail: string) => `插入模板失败：${detail}。工作簿中原有的内容没有改动。可以改为下载模板文件，在 WPS 表格中打开后填写。`,
  staleWorkbook: "工作簿的工作表刚刚发生了变化（增加、删除或改名），本次没有写入任何内容，请再试一次。",
  writeFailed: (detail: string) => `写入时 WPS 报错：${detail}。已写入的部分已经恢复原样，本次没有改动任何内容。`,
  rollbackFailed: (detail: string) => `写入时 WPS 报错，且未能完全恢复原样：${detail}。请按 Ctrl+Z 撤销，或核对刚才写入的单元格。`,
  paneTitle: "年报助手",
  notInWps: "请在 WPS 表格中打开年报助手（本页面需要 WPS 加载项环境）。",
};

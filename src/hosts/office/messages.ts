/** Chinese text of the Office.js adapter. */
export const EXCEL_TEXT = {
  unsupported: "当前 Excel 版本不支持插入模板（需要 ExcelApi 1.7：Office 2019 及以上、Microsoft 365 或网页版 Excel）。请下载模板文件，在 Excel 中打开后填写。",
  noRequirements: "无法确定当前 Excel 支持的功能（Office.js 未就绪）。请下载模板文件，在 Excel 中打开后填写。",
  insertFailed: (detail: string) => `插入模板失败：${detail}。可以改为下载模板文件，在 Excel 中打开后填写。`,
  staleWorkbook: "工作簿的工作表刚刚发生了变化（增加、删除或改名），本次没有写入任何内容，请再试一次。",
  /** The write-inputs chunk could not load (offline, a server error): nothing was written. */
  writeModuleFailed: (why: string): string => `写入功能未能加载（${why}），没有写入任何内容。请检查网络后重试。`,
  /** One message per real cause of a failed call into Excel (hostErrors.ts). */
  cause: {
    cellEdit: (_: string) => "请先按 Enter 结束单元格编辑，再重试。",
    sheetMissing: (_: string) => "找不到对应的工作表（可能已被删除或改名）。",
    apiMissing: (detail: string) => `当前 Excel 版本不支持这项操作（${detail}）。`,
    protected: (_: string) => "要写入的单元格已被锁定（工作表受保护）。请在“审阅”中撤销工作表保护后重试。",
    merged: (_: string) => "要写入的位置只是合并单元格的一部分，Excel 拒绝写入。",
    host: (detail: string) => `Excel 报告错误：${detail}`,
  },
  /** What an insertion really did after an error (the markers were read again). */
  insertNone: (why: string) => `没有插入模板：${why}工作簿没有改变。`,
  insertPartly: (names: string[], why: string) => `只插入了部分模板工作表（${names.join("、")}）：${why}请删除这几张工作表后重试，或下载模板文件。`,
  insertUnknown: (why: string, reread: string) =>
    `插入模板时 Excel 报告错误（${why}），之后也无法读取工作簿（${reread}），不能确定是否已经插入。请查看工作表标签后再决定是否重试。`,
  insertCoverNotWritten: (why: string) => `模板已插入，但“封面”中的单位名称和年度没有写入：${why}请在“封面”中填写。`,
};

/** The template built through the API on Office 2019 (buildTemplateViaApi.ts). */
export const API_BUILD_TEXT = {
  interrupted: (step: number, steps: number, why: string) =>
    `建立模板在第 ${step} / ${steps} 步中断：${why}已建立的部分还没有标记为模板，助手不会读取它。请再次点击“插入模板”：助手会删除未完成的模板工作表并重新建立（不会动其他工作表）。`,
  repaired: (names: string[]) => `上次未完成的模板已补建完成（重新建立了${names.join("、")}）。`,
};

/** The workbench's own labels (the pane's texts stay in src/taskpane/strings.ts). */
export const W = {
  title: "政务公开年报助手 · 工作台",
  subtitle: "内存中的 Excel 模拟：不连接 Office，数据只在本页面中",
  ribbon: "功能区",
  homeTab: "开始",
  groupLabel: "政务公开年报",
  paneButton: "年报助手",
  paneTitle: "年报助手",
  paneRegion: "任务窗格：年报助手",
  closePane: "关闭任务窗格",
  sheetRegion: "工作表",
  hint: (label: string, api: string, platform: string): string =>
    `模拟 ${label}（ExcelApi ${api}）· ${platform === "OfficeOnline" ? "网页版" : platform}`,
};

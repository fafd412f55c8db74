/** The workbench's own labels (the pane's texts stay in src/pane/strings.ts). */
import { INPUT_CELLS } from "../template/messages";

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
  /** Excel's wording for a locked cell on a protected sheet, with the template's own input colour. */
  lockedCell: `您试图更改的单元格位于受保护的工作表中。只能在${INPUT_CELLS}中输入。`,
};

/** What the pane shows about delivering a file, in Chinese. */
export const deliveryText = {
  downloaded: (name: string): string => `已开始下载“${name}”。`,
  savePrompt: (name: string): string => `请在弹出的提示中选择“保存”，保存“${name}”。`,
  opened: (name: string): string => `已在浏览器中打开“${name}”的下载链接，请在浏览器中保存文件。`,
  fallbackLink: (name: string): string =>
    `无法自动打开浏览器。请点击或复制下面的链接，在浏览器中下载“${name}”（链接 2 分钟内有效，只能使用一次）：`,
  fallbackBlob: (name: string): string => `无法自动下载。请点击下面的链接保存“${name}”：`,
  uploadFailed: (detail: string): string => `无法把文件交给浏览器下载（${detail}）。请改用网页版 Excel 导出，或联系管理员检查加载项服务器。`,
  noBrowserWindow: "此版本的 Office 不能打开浏览器窗口。",
};

/** What the server says to clients (JSON `{error}`) and to the operator (console), in Chinese. */
export const serverText = {
  badFileName: "缺少或无效的文件名（请求头 X-File-Name，UTF-8 百分号编码，扩展名须为 .docx、.pdf 或 .html）。",
  badType: "只接受 Word（.docx）、PDF 或 HTML 文件。",
  typeMismatch: "文件扩展名与内容类型不一致。",
  emptyBody: "上传的文件为空。",
  notAFile: "文件内容与声明的类型不符。",
  tooLarge: (mb: number): string => `文件超过 ${mb} MB 上限。`,
  busy: "服务器暂存的文件过多，请稍后再试。",
  clientBusy: "您暂存待下载的文件过多，请先下载已导出的文件或稍后再试。",
  notOurPage: "只接受本加载项页面上传的文件。",
  badToken: "上传凭证无效或已过期，请重新导出。",
  lengthRequired: "上传请求缺少 Content-Length。",
  notFound: "链接不存在、已被使用或已过期（链接 2 分钟内有效，只能下载一次）。",
  noSuchApi: "没有这个接口。",
  handoffOff: "服务器未设置 XXGK_PUBLIC_URL，文件交接（导出文件的下载链接）未开启。请联系管理员按部署说明设置加载项的网址。",
  notFoundPage:
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>404 找不到页面</title></head>' +
    "<body><h1>404 找不到页面</h1><p>这个地址上没有页面或文件。</p></body></html>",
  noCerts: (dir: string): string =>
    `找不到 HTTPS 证书。请设置 XXGK_TLS_CERT 和 XXGK_TLS_KEY，或运行 npx office-addin-dev-certs install 生成到 ${dir}；` +
    `仅在反向代理之后测试时可设置 XXGK_HTTP=1 使用 HTTP。`,
  noDist: (dir: string): string => `找不到已构建的加载项目录 ${dir}，请先运行 npm run build。`,
  badSetting: (name: string, value: string): string => `环境变量 ${name}=${value} 无效，应为正数。`,
  badPublicUrl: (value: string): string => `环境变量 XXGK_PUBLIC_URL=${value} 无效，应为以 https:// 开头的网址，如 https://xxgk.example.gov.cn。`,
  noPublicUrl:
    "未设置 XXGK_PUBLIC_URL：文件交接（桌面版 Excel 和 WPS 导出文件的下载链接）已关闭，上传一律答复 503；加载项页面照常提供。" +
    "请设置为加载项的网址（如 https://xxgk.example.gov.cn）后重新启动。",
  listening: (url: string): string => `政务公开年报助手服务已启动：${url}`,
};

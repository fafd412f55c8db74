/** What the server says to clients (JSON `{error}`) and to the operator (console), in Chinese. */
export const serverText = {
  badFileName: "缺少或无效的文件名（请求头 X-File-Name，UTF-8 百分号编码，扩展名须为 .docx、.pdf 或 .html）。",
  badType: "只接受 Word（.docx）、PDF 或 HTML 文件。",
  typeMismatch: "文件扩展名与内容类型不一致。",
  emptyBody: "上传的文件为空。",
  notAFile: "文件内容与声明的类型不符。",
  tooLarge: (mb: number): string => `文件超过 ${mb} MB 上限。`,
  busy: "服务器暂存的文件过多，请稍后再试。",
  notFound: "链接不存在、已被使用或已过期（链接 2 分钟内有效，只能下载一次）。",
  noCerts: (dir: string): string =>
    `找不到 HTTPS 证书。请设置 XXGK_TLS_CERT 和 XXGK_TLS_KEY，或运行 npx office-addin-dev-certs install 生成到 ${dir}；` +
    `仅在反向代理之后测试时可设置 XXGK_HTTP=1 使用 HTTP。`,
  noDist: (dir: string): string => `找不到已构建的加载项目录 ${dir}，请先运行 npm run build。`,
  listening: (url: string): string => `政务公开年报助手服务已启动：${url}`,
};

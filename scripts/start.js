#!/usr/bin/env node
// `npm start`: on Windows and macOS, office-addin-debugging builds, serves over HTTPS and sideloads
// manifest.xml into desktop Excel. Elsewhere (Linux) there is no desktop Excel to sideload into, so
// only the HTTPS dev server runs and we say how to load the add-in in Excel on the web.
"use strict";
const { spawn } = require("node:child_process");
const path = require("node:path");

const root = path.join(__dirname, "..");
const desktop = process.platform === "win32" || process.platform === "darwin";
const [cmd, args] = desktop
  ? [process.execPath, [path.join(root, "node_modules/office-addin-debugging/cli.js"), "start", "manifest.xml"]]
  : [process.execPath, [path.join(root, "node_modules/webpack/bin/webpack.js"), "serve", "--mode", "development"]];

if (!desktop) {
  console.log(
    [
      "本机没有桌面版 Excel：只启动开发服务器 https://localhost:3000 。",
      "在网页版 Excel 中：开始 › 加载项 › 更多加载项 › 上传我的加载项，选择 manifest.xml。",
      "No desktop Excel here: serving https://localhost:3000 only. In Excel on the web: Home › Add-ins ›",
      "More add-ins › Upload My Add-in › manifest.xml. Your browser must trust ~/.office-addin-dev-certs/ca.crt.",
    ].join("\n"),
  );
}
const child = spawn(cmd, args, { cwd: root, stdio: "inherit" });
child.on("exit", (code) => process.exit(code ?? 1));

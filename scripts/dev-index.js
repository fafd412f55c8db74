/**
 * The dev servers' root page ("/"): a short Chinese page linking to the pages the server really
 * serves, instead of webpack-dev-server's English "Cannot GET /". Plain CommonJS for webpack.config.js.
 */
"use strict";

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** @param {{title: string, intro: string, links: {href: string, label: string}[]}} page */
function indexHtml(page) {
  const items = page.links.map((l) => `<li><a href="${escape(l.href)}">${escape(l.label)}</a></li>`).join("\n");
  return [
    "<!doctype html>",
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(page.title)}</title></head>`,
    `<body><h1>${escape(page.title)}</h1><p>${escape(page.intro)}</p>`,
    `<ul>\n${items}\n</ul></body></html>`,
  ].join("\n");
}

const WORKBENCH_INDEX = {
  title: "政务公开年报助手 · 工作台",
  intro: "这是开发用的工作台服务器：任务窗格与一个内存中的 Excel 并排运行，无需安装 Office。",
  links: [
    { href: "workbench.html", label: "工作台（Excel 2021 及以后）" },
    { href: "workbench.html?api=1.7", label: "工作台，模拟 Office 2019（不能插入模板）" },
    { href: "workbench.html?theme=dark", label: "工作台，深色主题" },
  ],
};

const ADDIN_INDEX = {
  title: "政务公开年报助手 · 加载项开发服务器",
  intro: "此服务器为 Excel 提供加载项页面。请在 Excel 中加载 manifest.xml（开始 › 加载项 › 更多加载项 › 上传我的加载项），不要直接在浏览器中使用任务窗格。",
  links: [
    { href: "taskpane.html", label: "任务窗格页面（需在 Excel 中打开）" },
    { href: "help.html", label: "使用说明" },
    { href: "manifest.xml", label: "加载项清单 manifest.xml" },
  ],
};

/**
 * A webpack-dev-server `setupMiddlewares` that answers GET / (and HEAD /) with the page; everything
 * else goes on to the dev server as before.
 */
function rootPage(page, headers = {}) {
  const body = indexHtml(page);
  return (middlewares) => {
    middlewares.unshift({
      name: "xxgk-root-page",
      middleware: (req, res, next) => {
        const url = (req.url || "").split("?")[0];
        if (url !== "/" || (req.method !== "GET" && req.method !== "HEAD")) return next();
        res.statusCode = 200;
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(req.method === "HEAD" ? undefined : body);
      },
    });
    return middlewares;
  };
}

module.exports = { indexHtml, rootPage, WORKBENCH_INDEX, ADDIN_INDEX };

/**
 * The PDF export in a real browser: the export code bundled by webpack (pdfmake's browser build),
 * served by our own server with its CSP, fonts fetched from /fonts and cached, run in Chromium.
 * The PDF it returns is checked with poppler like the Node one.
 */
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import webpack, { type Configuration, type Stats } from "webpack";
import { createServer } from "../../src/server/app";
import { outputDir, PROJECT_ROOT } from "../helpers/paths";
import { FONTS_DIR, formatLabels, pdfFonts, pdfInfo, pdfWords, renderPng, richReport, seedReport, textBlocks } from "./support";

const OUT = outputDir("export");
const SITE = path.join(OUT, "browser-site");
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

async function bundle(): Promise<void> {
  const config: Configuration = {
    mode: "production",
    context: PROJECT_ROOT,
    entry: { main: path.join(__dirname, "browser", "entry.ts") },
    output: { path: SITE, filename: "[name].js", chunkFilename: "[name].js", publicPath: "auto", clean: true },
    devtool: false,
    target: ["web", "es2020"],
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { target: "ES2020", noEmit: false } } } }],
    },
    optimization: { minimize: false },
    performance: { hints: false },
    stats: "errors-only",
  };
  await new Promise<Stats>((resolve, reject) =>
    webpack(config, (err, stats) => (err ? reject(err) : stats?.hasErrors() ? reject(new Error(stats.toString("errors-only"))) : resolve(stats!))),
  );
  writeFileSync(path.join(SITE, "index.html"), '<!DOCTYPE html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><script src="main.js"></script></head><body></body></html>');
  mkdirSync(path.join(SITE, "fonts"), { recursive: true });
  cpSync(FONTS_DIR, path.join(SITE, "fonts"), { recursive: true });
}

let browser: Browser;
let page: Page;
let app: ReturnType<typeof createServer>;
let base: string;
const problems: string[] = [];
const fontRequests: string[] = [];

beforeAll(async () => {
  await bundle();
  app = createServer({ distDir: SITE });
  await app.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  page = await browser.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${m.text()} ${m.location().url}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("request", (r) => {
    if (r.url().includes("/fonts/")) fontRequests.push(r.url());
  });
  await page.goto(`${base}/index.html`);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function makePdf(report: unknown): Promise<{ status: string; base64?: string; messages: string[] }> {
  return page.evaluate((r) => (window as unknown as { makePdf: (x: unknown) => Promise<{ status: string; base64?: string; messages: string[] }> }).makePdf(r), report);
}

test("Chromium makes the same kind of PDF: A4, fonts embedded, every label, no CSP violation", async () => {
  const res = await makePdf(richReport());
  expect(res.status).toBe("ok");
  const file = path.join(OUT, "browser-rich.pdf");
  writeFileSync(file, Buffer.from(res.base64!, "base64"));
  const info = pdfInfo(file);
  // Portrait throughout: table 4 stays in the flow.
  expect(info.sizes.filter((s) => s.startsWith("595.28 x 841.89"))).toHaveLength(info.pages);
  for (const f of pdfFonts(file)) expect(f).toMatchObject({ emb: true, sub: true, uni: true });
  const blocks = textBlocks(pdfWords(file).words);
  expect(formatLabels().filter((l) => !blocks.some((b) => b.includes(l)))).toEqual([]);
  expect(renderPng(file, path.join(OUT, "browser-rich-page"), 40)).not.toMatch(/Error/);
  expect(problems).toEqual([]);
  // Five font files, fetched once.
  expect(new Set(fontRequests.map((u) => new URL(u).pathname)).size).toBe(5);
});

test("the second export reuses the fonts (no refetch) and the glyph check runs in the browser", async () => {
  const before = fontRequests.length;
  const r = seedReport();
  r.sections.S6!.text = "联系人：王赟。";
  const res = await makePdf(r);
  expect(res.status).toBe("refused");
  expect(res.messages[0]).toContain("U+8D5F");
  expect(fontRequests.length).toBe(before);
});

test("fonts survive a reload through Cache Storage", async () => {
  await page.reload();
  const before = fontRequests.length;
  const res = await makePdf(seedReport());
  expect(res.status).toBe("ok");
  // Served from the cache: the page did not hit the network for fonts again.
  expect(fontRequests.length).toBe(before);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const c = await caches.open(names[0]!);
    return { names, entries: (await c.keys()).length };
  });
  expect(cached.names).toEqual([expect.stringMatching(/^xxgk-fonts-/)]);
  expect(cached.entries).toBe(5);
});

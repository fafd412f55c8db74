/**
 * The same HTTPS server publishes the WPS add-in beside the Office add-in: ribbon.xml, the pages
 * and jsplugins.xml answer directly (WPS fetches <url>/ribbon.xml), and the offline .7z package
 * is served; the WPS pane's hand-off URL (../api/handoff) reaches the server's endpoint.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createServer } from "../../../src/server/app";
import { handoffUrl } from "../../../src/hosts/wps/host";
import { outputDir } from "../../helpers/paths";

const ROOT = path.join(outputDir("wps-server"), "dist");

beforeAll(() => {
  mkdirSync(path.join(ROOT, "wps"), { recursive: true });
  mkdirSync(path.join(ROOT, "wps-offline"), { recursive: true });
  writeFileSync(path.join(ROOT, "wps", "ribbon.xml"), "<customUI/>");
  writeFileSync(path.join(ROOT, "wps", "index.html"), "<!doctype html>");
  writeFileSync(path.join(ROOT, "jsplugins.xml"), "<jsplugins/>");
  writeFileSync(path.join(ROOT, "wps-offline", "xxgk-report_0.1.0.7z"), Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]));
});

test("ribbon.xml, the entry page, jsplugins.xml and the offline package are served with their types", async () => {
  const app = createServer({ distDir: ROOT, https: null });
  try {
    const get = (url: string) => app.inject({ method: "GET", url });
    expect((await get("/wps/ribbon.xml")).headers["content-type"]).toMatch(/^application\/xml/);
    expect((await get("/wps/index.html")).statusCode).toBe(200);
    expect((await get("/jsplugins.xml")).statusCode).toBe(200);
    const pkg = await get("/wps-offline/xxgk-report_0.1.0.7z");
    expect(pkg.statusCode).toBe(200);
    expect(pkg.headers["content-type"]).toBe("application/x-7z-compressed");
  } finally {
    await app.close();
  }
});

test("the WPS pane's hand-off URL is the server's endpoint", async () => {
  const url = new URL(handoffUrl("https://xxgk.example.gov.cn/wps/taskpane.html"));
  expect(url.pathname).toBe("/api/handoff");
  const app = createServer({ distDir: ROOT, https: null, publicUrl: "https://xxgk.example.gov.cn" });
  try {
    const tokenRes = await app.inject({ method: "GET", url: `${url.pathname}/token` });
    expect(tokenRes.statusCode).toBe(200);
    const { token } = JSON.parse(tokenRes.body) as { token: string };
    const res = await app.inject({ method: "POST", url: url.pathname, headers: { "content-type": "application/pdf", "x-file-name": encodeURIComponent("年报.pdf"), "x-handoff-token": token }, payload: Buffer.from("%PDF-1.7\n") });
    expect(res.statusCode).toBeLessThan(300);
  } finally {
    await app.close();
  }
});

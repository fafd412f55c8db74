/**
 * `npm run build:wps` as CI runs it: the production webpack build of the WPS add-in and its
 * publish files, then checks that WPS would find what it looks for — ribbon.xml and the
 * jsplugins files well-formed (xmllint), the start tab's group with 年报助手 and 插入年报模板,
 * every callback ribbon.xml names defined by the built entry page, the pages' scripts, icons
 * and the template present, and the pages under the same CSP as the Office add-in.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { parse } from "acorn";
import webpack, { type Configuration, type Stats } from "webpack";
import { RIBBON, RIBBON_CALLBACKS } from "../../../src/hosts/wps/ribbonIds";
import { outputDir, PROJECT_ROOT } from "../../helpers/paths";

const DIST = outputDir("wps-build");
const ADDIN = path.join(DIST, "wps");
const BASE = "https://xxgk.example.gov.cn/addin";

jest.setTimeout(400_000);

beforeAll(async () => {
  const makeConfig = require(path.join(PROJECT_ROOT, "webpack.wps.config.js")) as (env: object, argv: object) => Configuration;
  const config = makeConfig({ outDir: DIST, quiet: true }, { mode: "production" });
  await new Promise<Stats>((resolve, reject) =>
    webpack(config, (err, stats) => (err ? reject(err) : stats?.hasErrors() ? reject(new Error(stats.toString("errors-only"))) : resolve(stats!))),
  );
  const { packageWps } = require(path.join(PROJECT_ROOT, "scripts/package-wps.js")) as { packageWps(o: object): unknown };
  packageWps({ distDir: DIST, baseUrl: BASE, version: "0.1.0" });
});

const xpath = (file: string, expr: string) => execFileSync("xmllint", ["--xpath", expr, file], { encoding: "utf8" }).trim();

test("ribbon.xml and the jsplugins files are well-formed XML", () => {
  for (const f of [path.join(ADDIN, "ribbon.xml"), path.join(ADDIN, "manifest.xml"), path.join(DIST, "jsplugins.xml"), path.join(DIST, "publish.xml"), path.join(DIST, "offline", "jsplugins.xml")]) {
    expect(() => execFileSync("xmllint", ["--noout", f], { stdio: "pipe" })).not.toThrow();
  }
});

test("the ribbon puts 年报助手 and 插入年报模板 in one group on the start tab", () => {
  const ribbon = path.join(ADDIN, "ribbon.xml");
  const ns = "*[local-name()='customUI']/*[local-name()='ribbon']/*[local-name()='tabs']/*[local-name()='tab'][@idMso='TabHome']/*[local-name()='group']";
  expect(xpath(ribbon, `string(/${ns}/@id)`)).toBe(RIBBON.group);
  expect(xpath(ribbon, `string(/${ns}/*[@id='${RIBBON.pane}']/@label)`)).toBe("年报助手");
  expect(xpath(ribbon, `string(/${ns}/*[@id='${RIBBON.insert}']/@label)`)).toBe("插入年报模板");
});

test("every callback ribbon.xml names is a function the built entry page defines", () => {
  const ribbonXml = readFileSync(path.join(ADDIN, "ribbon.xml"), "utf8");
  const named = [...new Set([...ribbonXml.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getLabel|getVisible|loadImage)="([^"]+)"/g)].map((m) => m[1]!))];
  expect(named.sort()).toEqual([...RIBBON_CALLBACKS].sort());
  const html = readFileSync(path.join(ADDIN, "index.html"), "utf8");
  const script = /<script[^>]*\bsrc="?([^"\s>]+\.js)"?/.exec(html)![1]!;
  // Run the built script in a bare global, as WPS's hidden page would, without WPS itself.
  const sandbox: Record<string, unknown> = { location: { href: `${BASE}/wps/index.html` }, console };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  sandbox.document = { currentScript: { tagName: "SCRIPT", src: `${BASE}/wps/${script}` }, baseURI: `${BASE}/wps/index.html` };
  vm.runInNewContext(readFileSync(path.join(ADDIN, script), "utf8"), sandbox);
  for (const name of named) expect(typeof sandbox[name]).toBe("function");
  expect((sandbox.GetImage as (c: { Id: string }) => string)({ Id: RIBBON.insert })).toBe("assets/insert-32.png");
  // Without WPS the action does nothing (and says so by returning false).
  expect((sandbox.OnAction as (c: { Id: string }) => boolean)({ Id: RIBBON.pane })).toBe(false);
});

test("pages, icons, template and fonts are in the add-in folder; no office.js; the CSP of the Office add-in", () => {
  const csp = (require(path.join(PROJECT_ROOT, "webpack.wps.config.js")) as { CSP: string }).CSP;
  for (const page of ["index.html", "taskpane.html"]) {
    const html = readFileSync(path.join(ADDIN, page), "utf8");
    expect(html).toContain(csp);
    expect(html).not.toMatch(/office\.js/);
    for (const m of html.matchAll(/\bsrc="?([^"\s>]+\.js)"?/g)) expect(existsSync(path.join(ADDIN, m[1]!))).toBe(true);
  }
  for (const f of ["assets/icon-32.png", "assets/insert-32.png", "taskpane.css", "template/xxgk-template.xlsx"]) expect(existsSync(path.join(ADDIN, f))).toBe(true);
  expect(readdirSync(ADDIN).some((f) => /^office/.test(f))).toBe(false);
});

test("the ribbon page and the pane's first scripts are ES2017 (the older Chromium of WPS on Linux)", () => {
  for (const page of ["index.html", "taskpane.html"]) {
    const html = readFileSync(path.join(ADDIN, page), "utf8");
    for (const m of html.matchAll(/\bsrc="?([^"\s>]+\.js)"?/g)) {
      expect(() => parse(readFileSync(path.join(ADDIN, m[1]!), "utf8"), { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
    }
  }
});

test("online and offline publish files point at the server, the offline folder holds the whole add-in without source maps", () => {
  expect(xpath(path.join(DIST, "jsplugins.xml"), "string(/jsplugins/jspluginonline/@url)")).toBe(`${BASE}/wps/`);
  expect(xpath(path.join(DIST, "jsplugins.xml"), "string(/jsplugins/jspluginonline/@type)")).toBe("et");
  expect(xpath(path.join(DIST, "offline", "jsplugins.xml"), "string(/jsplugins/jsplugin/@url)")).toBe(`${BASE}/wps-offline/xxgk-report_0.1.0.7z`);
  const folder = path.join(DIST, "offline", "xxgk-report_0.1.0");
  for (const f of ["ribbon.xml", "index.html", "taskpane.html", "template/xxgk-template.xlsx"]) expect(existsSync(path.join(folder, f))).toBe(true);
  expect(readdirSync(folder).some((f) => f.endsWith(".map"))).toBe(false);
  const { packageWps } = require(path.join(PROJECT_ROOT, "scripts/package-wps.js")) as { packageWps(o: object): unknown };
  expect(() => packageWps({ distDir: DIST, baseUrl: "http://plain.example", version: "0.1.0" })).toThrow(/https/);
});

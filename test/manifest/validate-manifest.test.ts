/**
 * The manifest validator must pass the real manifest and fail deliberately broken copies, so it
 * can never pass silently (xmllint missing, a rule that stopped matching, …).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/paths";

const SCRIPT = path.join(PROJECT_ROOT, "scripts", "validate-manifest.js");
const MANIFEST = path.join(PROJECT_ROOT, "manifest.xml");
const original = readFileSync(MANIFEST, "utf8");
const dir = mkdtempSync(path.join(tmpdir(), "xxgk-manifest-"));

function run(file: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args, file], { encoding: "utf8", env });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Write a variant of the real manifest; the edit must change something or the test is void. */
function variant(name: string, edit: (xml: string) => string): string {
  const xml = edit(original);
  expect(xml).not.toBe(original);
  const file = path.join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  return file;
}

function swap(xml: string, a: RegExp, b: RegExp): string {
  const ma = a.exec(xml)![0];
  const mb = b.exec(xml)![0];
  return xml.replace(ma, "\u0000A").replace(mb, ma).replace("\u0000A", mb);
}

describe("validate-manifest.js", () => {
  test("the real manifest passes (xmllint schema + own rules)", () => {
    const r = run(MANIFEST);
    expect(r.out).toContain("Manifest is valid");
    expect(r.status).toBe(0);
  });

  test.each([
    ["http URL", (x: string) => x.replace("https://localhost:3000/help.html\"/>", "http://localhost:3000/help.html\"/>"), /必须使用 https.*http:\/\/localhost:3000\/help\.html/],
    ["undefined resid", (x: string) => x.replace('<Label resid="InsertButton.Label"/>', '<Label resid="InsertButton.Nope"/>'), /InsertButton\.Nope.*未在 <Resources> 中定义/],
    ["resid from the wrong collection", (x: string) => x.replace('<Description resid="InsertButton.Tooltip"/>', '<Description resid="InsertButton.Label"/>'), /应定义在 LongStrings 中/],
    ["wrong element order", (x: string) => swap(x, /<Version>[^<]*<\/Version>/, /<ProviderName>[^<]*<\/ProviderName>/), /元素顺序错误|does not conform/],
    ["Permissions before DefaultSettings", (x: string) => swap(x, /<DefaultSettings>[\s\S]*?<\/DefaultSettings>/, /<Permissions>[^<]*<\/Permissions>/), /元素顺序错误/],
    ["Id not a GUID", (x: string) => x.replace(/<Id>[^<]*<\/Id>/, "<Id>xxgk-addin</Id>"), /必须是 GUID/],
    ["DefaultLocale not zh-CN", (x: string) => x.replace("<DefaultLocale>zh-CN</DefaultLocale>", "<DefaultLocale>en-US</DefaultLocale>"), /DefaultLocale> 必须是 zh-CN/],
    ["an override for the default locale", (x: string) => x.replace('<bt:Override Locale="en-US" Value="Report Assistant"/>', '<bt:Override Locale="zh-CN" Value="年报助手"/>'), /不应有 zh-CN 覆盖值[\s\S]*缺少 en-US/],
    ["English default string", (x: string) => x.replace('DefaultValue="插入年报模板"', 'DefaultValue="Insert template"'), /应为中文/],
    ["two en-US overrides", (x: string) => x.replace('<Override Locale="en-US" Value="Government', '<Override Locale="en-US" Value="Dup"/>\n    <Override Locale="en-US" Value="Government'), /覆盖值重复/],
    ["no ExcelApi requirement", (x: string) => x.replace(/<Set Name="ExcelApi"[^>]*\/>/, ""), /ExcelApi 最低版本|does not conform/],
  ])("fails on %s", (name, edit, expected) => {
    const r = run(variant(name.replace(/\W+/g, "-"), edit));
    expect(r.status).toBe(1);
    expect(r.out).toMatch(expected);
    expect(r.out).toContain("Manifest validation failed");
  });

  test("fails clearly when xmllint is missing", () => {
    const r = run(MANIFEST, [], { ...process.env, PATH: path.join(dir, "no-bin") });
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/找不到 xmllint.*libxml2-utils/);
  });

  test("fails on broken XML", () => {
    const r = run(variant("broken", (x) => x.replace("</DisplayName>", "")));
    expect(r.status).toBe(1);
  });

  test("--production rejects localhost URLs and accepts the rewritten manifest", () => {
    expect(run(MANIFEST, ["--production"]).status).toBe(1);
    const { rewriteManifestUrls } = require("../../webpack.config.js") as { rewriteManifestUrls: (xml: string, base: string) => string };
    const rewritten = rewriteManifestUrls(original, "https://xxgk.example.gov.cn/addin/");
    expect(rewritten).not.toContain("localhost");
    expect(rewritten).toContain('DefaultValue="https://xxgk.example.gov.cn/addin/taskpane.html"');
    const file = path.join(dir, "production.xml");
    writeFileSync(file, rewritten);
    const r = run(file, ["--production"]);
    expect(r.out).toContain("Manifest is valid");
    expect(r.status).toBe(0);
  });

  test("the base URL rewrite refuses http", () => {
    const { rewriteManifestUrls } = require("../../webpack.config.js") as { rewriteManifestUrls: (xml: string, base: string) => string };
    expect(() => rewriteManifestUrls(original, "http://xxgk.example.gov.cn")).toThrow(/https/);
  });
});

#!/usr/bin/env node
/**
 * Offline validation of the XML add-in manifest (plain Node, CommonJS, no build step).
 *
 *   node scripts/validate-manifest.js [--production] [manifest.xml]
 *
 * 1. xmllint against the [MS-OWEMXML] schemas in schemas/manifest (XSD: structure,
 *    element order, types). `office-addin-manifest validate` needs Microsoft's online service,
 *    so it cannot be our gate.
 * 2. Our own rules the XSD cannot express: every URL https, every resid defined (in the right
 *    collection), Chinese default strings with one en-US override, a GUID Id, a declared
 *    ExcelApi minimum, a function file for ExecuteFunction buttons. With --production also: no
 *    localhost URL left (dist/manifest.xml after the base-URL rewrite).
 *
 * Exits 1 with a Chinese + English list of problems; 0 when the manifest passes.
 */
"use strict";

const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const PROJECT_ROOT = path.resolve(__dirname, "..");
const DEFAULT_XSD = path.join(PROJECT_ROOT, "schemas", "manifest", "OfficeAppManifestV1_1.xsd");

/** Top-level order Office enforces ("How to find the proper order of manifest elements"). */
const TOP_LEVEL_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "AllowSnapshot",
  "VersionOverrides",
  "ExtendedOverrides",
];

/** Which resource collection a resid must live in, by the referencing element's name. */
const RESID_COLLECTION = {
  Image: "Images",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

const HAN = /\p{Script=Han}/u;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_LOCALE = "zh-CN";
const SECOND_LOCALE = "en-US";

// ------------------------------------------------------------------ a minimal XML reader
// xmllint has already checked well-formedness; this reader only needs elements, attributes and
// text of a manifest (no DTDs), so a small tokenizer keeps the script dependency-free.

/** @typedef {{name: string, local: string, attrs: Record<string,string>, children: El[], text: string, line: number, parent: El|null}} El */

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e) => {
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    if (e[0] !== "#") return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** @returns {El} the document element */
function parseXml(xml) {
  /** @typedef {{ name: string; local: string; attrs: Record<string, string>; children: XmlNode[]; text: string; line: number; parent: XmlNode | null }} XmlNode */
  /** @type {XmlNode} */
  const root = { name: "#document", local: "#document", attrs: {}, children: [], text: "", line: 0, parent: null };
  let cur = root;
  const token = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m;
  const lineAt = (index) => xml.slice(0, index).split("\n").length;
  while ((m = token.exec(xml))) {
    if (m[1] !== undefined) cur.text += m[1];
    else if (m[2]) {
      if (cur.name !== m[2]) throw new Error(`mismatched </${m[2]}> at line ${lineAt(m.index)}`);
      cur = /** @type {XmlNode} */ (cur.parent); // not null: the document node has no end tag
    } else if (m[3]) {
      /** @type {Record<string, string>} */
      const attrs = {};
      for (const a of (m[4] ?? "").matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[/** @type {string} */ (a[1])] = decodeEntities(a[2] ?? a[3]);
      const el = { name: m[3], local: m[3].replace(/^.*:/, ""), attrs, children: [], text: "", line: lineAt(m.index), parent: cur };
      cur.children.push(el);
      if (!m[5]) cur = el;
    } else if (m[6] !== undefined) cur.text += decodeEntities(m[6]);
  }
  if (cur !== root) throw new Error(`unclosed <${cur.name}>`);
  const doc = root.children[0];
  if (!doc) throw new Error("no document element");
  return doc;
}

function* walk(el) {
  yield el;
  for (const c of el.children) yield* walk(c);
}

const child = (el, local) => el.children.find((c) => c.local === local);
const children = (el, local) => el.children.filter((c) => c.local === local);

// ------------------------------------------------------------------ rules

/** Problems are pairs: what a clerk's IT colleague reads (Chinese) and the English original. */
function problem(zh, en, line) {
  return { zh, en, line };
}

function checkXsd(manifestPath, xsdPath) {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  if (probe.error) {
    return [
      problem(
        "找不到 xmllint：请安装 libxml2-utils（Debian/Ubuntu：sudo apt-get install libxml2-utils）后重试。",
        "xmllint not found: install libxml2-utils (Debian/Ubuntu: sudo apt-get install libxml2-utils) and retry.",
      ),
    ];
  }
  if (!fs.existsSync(xsdPath)) {
    return [problem(`找不到清单架构文件 ${xsdPath}。`, `Manifest schema not found: ${xsdPath}.`)];
  }
  const r = spawnSync("xmllint", ["--noout", "--schema", xsdPath, manifestPath], { encoding: "utf8" });
  if (r.status === 0) return [];
  const lines = (r.stderr || "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !/validates$|fails to validate$/.test(l));
  return [
    problem(
      `清单不符合 Office 清单架构（XSD）：\n    ${lines.join("\n    ")}`,
      `The manifest does not conform to the Office manifest schema (XSD); see the xmllint output above.`,
    ),
  ];
}

function checkTopLevelOrder(doc) {
  const out = [];
  let last = -1;
  let lastName = "";
  for (const c of doc.children) {
    const i = TOP_LEVEL_ORDER.indexOf(c.local);
    if (i === -1) continue; // unknown elements are the XSD's business
    if (i < last) {
      out.push(
        problem(
          `元素顺序错误：<${c.local}> 必须写在 <${lastName}> 之前（Office 按固定顺序读取清单）。`,
          `Wrong element order: <${c.local}> must come before <${lastName}>.`,
          c.line,
        ),
      );
    } else {
      last = i;
      lastName = c.local;
    }
  }
  return out;
}

function checkId(doc) {
  const id = child(doc, "Id");
  const v = id ? id.text.trim() : "";
  return GUID.test(v) ? [] : [problem(`<Id> 必须是 GUID，现在是“${v}”。`, `<Id> must be a GUID, found "${v}".`, id && id.line)];
}

/** Every absolute URL anywhere (attributes and text) must be https. */
function checkHttps(doc) {
  const out = [];
  const seen = (value, el, where) => {
    const v = value.trim();
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v) && !/^https:\/\//i.test(v)) {
      out.push(problem(`${where} 的地址必须使用 https：${v}`, `${where} must use an https URL: ${v}`, el.line));
    }
  };
  for (const el of walk(doc)) {
    for (const [k, v] of Object.entries(el.attrs)) if (!k.startsWith("xmlns")) seen(v, el, `<${el.local} ${k}>`);
    if (el.children.length === 0) seen(el.text, el, `<${el.local}>`);
  }
  return out;
}

function resources(doc) {
  /** @type {Record<string, Map<string, El>>} */
  const byCollection = { Images: new Map(), Urls: new Map(), ShortStrings: new Map(), LongStrings: new Map() };
  const out = [];
  for (const res of [...walk(doc)].filter((e) => e.local === "Resources")) {
    for (const coll of res.children) {
      const map = byCollection[coll.local];
      if (!map) continue;
      for (const item of coll.children) {
        const id = item.attrs.id;
        if (!id) continue;
        if (map.has(id)) {
          out.push(problem(`资源 id“${id}”在 ${coll.local} 中重复定义。`, `Resource id "${id}" is defined twice in ${coll.local}.`, item.line));
        }
        map.set(id, item);
      }
    }
  }
  return { byCollection, problems: out };
}

function checkResids(doc, byCollection) {
  const out = [];
  for (const el of walk(doc)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    const want = RESID_COLLECTION[el.local];
    const found = want ? byCollection[want].has(resid) : Object.values(byCollection).some((m) => m.has(resid));
    if (!found) {
      const elsewhere = Object.keys(byCollection).find((k) => byCollection[k].has(resid));
      out.push(
        elsewhere
          ? problem(
              `<${el.local} resid="${resid}"> 引用的资源在 ${elsewhere} 中，应定义在 ${want} 中。`,
              `<${el.local} resid="${resid}"> points to ${elsewhere}; it must be defined in ${want}.`,
              el.line,
            )
          : problem(
              `<${el.local} resid="${resid}"> 引用的资源未在 <Resources> 中定义。`,
              `<${el.local} resid="${resid}"> is not defined in <Resources>.`,
              el.line,
            ),
      );
    }
  }
  return out;
}

/** A localisable value: Chinese default, exactly one en-US override, no override for zh-CN. */
function checkLocalised(el, what, overrideLocal) {
  const out = [];
  const def = el.attrs.DefaultValue || "";
  if (!HAN.test(def)) {
    out.push(problem(`${what} 的默认值（zh-CN）应为中文，现在是“${def}”。`, `${what}: the default (zh-CN) value must be Chinese, found "${def}".`, el.line));
  }
  const overrides = children(el, overrideLocal);
  const count = {};
  for (const o of overrides) count[o.attrs.Locale] = (count[o.attrs.Locale] || 0) + 1;
  for (const [loc, n] of Object.entries(count)) {
    if (loc.toLowerCase() === DEFAULT_LOCALE.toLowerCase()) {
      out.push(problem(`${what} 不应有 zh-CN 覆盖值：zh-CN 是默认语言，写在 DefaultValue 中。`, `${what}: no Override for zh-CN, it is the DefaultLocale.`, el.line));
    } else if (n > 1) {
      out.push(problem(`${what} 的 ${loc} 覆盖值重复（每种语言只能有一个）。`, `${what}: more than one Override for ${loc}.`, el.line));
    }
  }
  if (!count[SECOND_LOCALE]) {
    out.push(problem(`${what} 缺少 en-US 覆盖值。`, `${what}: missing the en-US Override.`, el.line));
  }
  return out;
}

function checkLocales(doc, byCollection) {
  const out = [];
  const loc = child(doc, "DefaultLocale");
  const v = loc ? loc.text.trim() : "";
  if (v !== DEFAULT_LOCALE) {
    out.push(problem(`<DefaultLocale> 必须是 zh-CN，现在是“${v}”。`, `<DefaultLocale> must be zh-CN, found "${v}".`, loc && loc.line));
  }
  for (const name of ["DisplayName", "Description"]) {
    const el = child(doc, name);
    if (el) out.push(...checkLocalised(el, `<${name}>`, "Override"));
  }
  for (const coll of ["ShortStrings", "LongStrings"]) {
    for (const [id, el] of byCollection[coll]) out.push(...checkLocalised(el, `字符串资源“${id}”`, "Override"));
  }
  return out;
}

function checkRequirements(doc) {
  const req = child(doc, "Requirements");
  const sets = req ? [...walk(req)].filter((e) => e.local === "Set" && e.attrs.Name === "ExcelApi") : [];
  if (sets.length !== 1 || !/^1\.\d+$/.test(sets[0].attrs.MinVersion || "")) {
    return [
      problem(
        "<Requirements> 中应声明且只声明一个 ExcelApi 最低版本（<Set Name=\"ExcelApi\" MinVersion=\"1.x\"/>）。",
        '<Requirements> must declare exactly one ExcelApi minimum (<Set Name="ExcelApi" MinVersion="1.x"/>).',
        req && req.line,
      ),
    ];
  }
  return [];
}

function checkCommands(doc) {
  const out = [];
  const actions = [...walk(doc)].filter((e) => e.local === "Action");
  const functions = actions.filter((a) => /ExecuteFunction$/.test(a.attrs["xsi:type"] || ""));
  for (const f of functions) {
    const name = child(f, "FunctionName");
    if (!name || !/^[A-Za-z_$][\w$]*$/.test(name.text.trim())) {
      out.push(problem("ExecuteFunction 按钮的 <FunctionName> 必须是合法的函数名。", "An ExecuteFunction button needs a valid <FunctionName>.", f.line));
    }
    // The FunctionFile lives on the form factor that holds the button.
    let ff = f.parent;
    while (ff && ff.local !== "DesktopFormFactor") ff = ff.parent;
    if (!ff || !child(ff, "FunctionFile")) {
      out.push(problem("使用 ExecuteFunction 按钮时必须声明 <FunctionFile>。", "ExecuteFunction buttons need a <FunctionFile>.", f.line));
    }
  }
  return out;
}

function checkProduction(doc) {
  const out = [];
  for (const el of walk(doc)) {
    const values = [...Object.values(el.attrs), el.children.length ? "" : el.text];
    for (const v of values) {
      if (/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/i.test(v.trim())) {
        out.push(
          problem(
            `生产清单中仍有本机地址 ${v.trim()}：请设置 XXGK_BASE_URL 后重新构建。`,
            `Production manifest still points at ${v.trim()}: set XXGK_BASE_URL and rebuild.`,
            el.line,
          ),
        );
      }
    }
  }
  return out;
}

/** Run every check; returns the list of problems (empty when valid). */
function validateManifest(manifestPath, options = {}) {
  const xsd = options.xsd || process.env.XXGK_MANIFEST_XSD || DEFAULT_XSD;
  if (!fs.existsSync(manifestPath)) {
    return [problem(`找不到清单文件 ${manifestPath}。`, `Manifest not found: ${manifestPath}.`)];
  }
  const problems = checkXsd(manifestPath, xsd);
  let doc;
  try {
    doc = parseXml(fs.readFileSync(manifestPath, "utf8"));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [...problems, problem(`清单不是格式正确的 XML：${why}`, `The manifest is not well-formed XML: ${why}`)];
  }
  if (doc.local !== "OfficeApp") {
    return [...problems, problem("根元素必须是 <OfficeApp>。", "The root element must be <OfficeApp>.", doc.line)];
  }
  const res = resources(doc);
  problems.push(
    ...checkTopLevelOrder(doc),
    ...checkId(doc),
    ...checkHttps(doc),
    ...res.problems,
    ...checkResids(doc, res.byCollection),
    ...checkLocales(doc, res.byCollection),
    ...checkRequirements(doc),
    ...checkCommands(doc),
  );
  if (options.production) problems.push(...checkProduction(doc));
  return problems;
}

function main(argv) {
  const args = argv.slice(2);
  const production = args.includes("--production");
  const file = args.find((a) => !a.startsWith("--")) || "manifest.xml";
  const manifestPath = path.resolve(process.cwd(), file);
  const problems = validateManifest(manifestPath, { production });
  if (problems.length === 0) {
    console.log(`清单校验通过 / Manifest is valid: ${file}`);
    return 0;
  }
  console.error(`清单校验失败 / Manifest validation failed: ${file}`);
  for (const p of problems) {
    const at = p.line ? `（第 ${p.line} 行 / line ${p.line}）` : "";
    console.error(`- ${p.zh}${at}\n  ${p.en}`);
  }
  console.error(`共 ${problems.length} 个问题 / ${problems.length} problem(s).`);
  return 1;
}

module.exports = { validateManifest, parseXml };

if (require.main === module) process.exitCode = main(process.argv);

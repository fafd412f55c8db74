#!/usr/bin/env node
/**
 * Copy the current production office.js from Microsoft's CDN into a folder, for intranets that
 * cannot reach the CDN (docs/deployment.md). Run it at the admin's site, where the CDN is
 * reachable, then build with XXGK_OFFICE_JS=<that folder> (or serve the folder from an intranet
 * server and build with XXGK_OFFICE_JS=https://…/office.js). Re-run it regularly: Microsoft
 * updates office.js, and the numbered API sets need a current copy.
 *
 *   node scripts/mirror-office-js.mjs [--out office-js-mirror] [--from https://appsforoffice.microsoft.com/lib/1/hosted/]
 *
 * What it fetches is read from the downloaded office.js itself, not from a list kept here:
 *   office.js, o15apptofilemappingtable.js, telemetry/oteljs_agave.js (office.js names them);
 *   the Excel host scripts excel-<platform>-<version>.js for every platform in
 *   OSF.HostSpecificFileVersionMap.excel (and their -core twins where the CDN has them);
 *   <locale>/office_strings.js for every locale in OSF.SupportedLocales.
 * The folder is replaced only after every required file arrived (a failed run leaves the old
 * mirror as it was); MIRROR.json records the source, the time and each file's SHA-256.
 * Exit code 0: mirror written; 1: a required file could not be fetched or is not office.js.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const DEFAULT_SOURCE = "https://appsforoffice.microsoft.com/lib/1/hosted/";

function parseArgs(argv) {
  const opts = { out: "office-js-mirror", from: DEFAULT_SOURCE };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--out" || a === "--from") {
      const v = argv[++i];
      if (!v) throw new Error(`${a} 缺少参数 / needs a value`);
      opts[a.slice(2)] = v;
    } else if (a === "--help" || a === "-h") opts.help = true;
    else throw new Error(`未知参数 / unknown argument: ${a}`);
  }
  return opts;
}

/** https only; plain http only for a loopback server (tests). */
function checkSource(from) {
  const url = new URL(from.endsWith("/") ? from : `${from}/`);
  const loopback = url.hostname === "127.0.0.1" || url.hostname === "localhost" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new Error(`--from 必须是 https 地址 / must be https: ${from}`);
  }
  return url;
}

async function get(base, file) {
  const url = new URL(file, base);
  const res = await fetch(url, { redirect: "follow" });
  if (!res.ok) return { ok: false, status: res.status, url: url.href };
  return { ok: true, body: Buffer.from(await res.arrayBuffer()), url: url.href };
}

/** The object literal assigned to `name` in office.js, as JSON-ish text parsed leniently. */
function objectAfter(source, name) {
  const at = source.indexOf(`${name}=`);
  if (at < 0) return null;
  let depth = 0;
  const start = source.indexOf("{", at);
  for (let i = start; i < source.length; i++) {
    if (source[i] === "{") depth++;
    else if (source[i] === "}" && --depth === 0) {
      const text = source.slice(start, i + 1).replace(/([{,])\s*([A-Za-z_$][\w$]*)\s*:/g, '$1"$2":');
      try {
        return JSON.parse(text);
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The files a mirror needs, read from office.js: [{file, required}]. */
export function filesNamedBy(officeJs) {
  const versions = objectAfter(officeJs, "OSF.HostSpecificFileVersionMap");
  const excel = versions && versions.excel;
  if (!excel || typeof excel !== "object") throw new Error("office.js 中没有 OSF.HostSpecificFileVersionMap.excel：这不是 Office 的 office.js / not Microsoft's office.js");
  const locales = objectAfter(officeJs, "OSF.SupportedLocales");
  if (!locales || !locales["en-us"]) throw new Error("office.js 中没有 OSF.SupportedLocales / no locale list in office.js");
  const files = [
    { file: "o15apptofilemappingtable.js", required: true },
    { file: "telemetry/oteljs_agave.js", required: false },
  ];
  for (const [platform, version] of Object.entries(excel)) {
    files.push({ file: `excel-${platform}-${version}.js`, required: true });
    files.push({ file: `excel-${platform}-${version}-core.js`, required: false });
  }
  for (const locale of Object.keys(locales).sort()) {
    // en-us is office.js's fallback and zh-cn our clerks' language: both must be there.
    files.push({ file: `${locale}/office_strings.js`, required: locale === "en-us" || locale === "zh-cn" });
  }
  return files;
}

export async function mirror({ out, from, log = () => {} }) {
  const base = checkSource(from);
  const target = path.resolve(out);
  const office = await get(base, "office.js");
  if (!office.ok) throw new Error(`无法下载 office.js（HTTP ${office.status}）/ cannot fetch ${office.url}`);
  const officeText = office.body.toString("utf8");
  const wanted = filesNamedBy(officeText);
  const fetched = [{ file: "office.js", body: office.body }];
  const missing = [];
  // A few at a time: the CDN is fast, the admin's link may not be.
  for (let i = 0; i < wanted.length; i += 6) {
    const batch = await Promise.all(wanted.slice(i, i + 6).map(async (w) => ({ w, r: await get(base, w.file) })));
    for (const { w, r } of batch) {
      if (r.ok && r.body.length > 0) fetched.push({ file: w.file, body: r.body });
      else if (w.required) missing.push(`${w.file} (HTTP ${r.ok ? "空文件 / empty" : r.status})`);
      else log(`跳过（CDN 上没有）/ skipped, not on the CDN: ${w.file}`);
    }
  }
  if (missing.length) throw new Error(`以下必需文件下载失败，未更新镜像 / required files missing, mirror unchanged:\n  ${missing.join("\n  ")}`);

  const staging = `${target}.partial-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const record = { source: base.href, fetchedAt: new Date().toISOString(), files: {} };
  for (const f of fetched) {
    const file = path.join(staging, ...f.file.split("/"));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, f.body);
    record.files[f.file] = createHash("sha256").update(f.body).digest("hex");
  }
  writeFileSync(path.join(staging, "MIRROR.json"), JSON.stringify(record, null, 2) + "\n");
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(staging, target);
  rmSync(old, { recursive: true, force: true });
  return { dir: target, files: Object.keys(record.files) };
}

const invoked = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invoked) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  if (opts.help) {
    console.log("node scripts/mirror-office-js.mjs [--out office-js-mirror] [--from https://appsforoffice.microsoft.com/lib/1/hosted/]");
    process.exit(0);
  }
  mirror({ ...opts, log: (m) => console.log(m) }).then(
    (r) => console.log(`office.js 镜像已写入 ${r.dir}（${r.files.length} 个文件）。构建时设置 XXGK_OFFICE_JS=${path.relative(process.cwd(), r.dir) || "."}`),
    (e) => {
      console.error(e.message);
      process.exit(1);
    },
  );
}

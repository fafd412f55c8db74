#!/usr/bin/env node
/**
 * The publish files of the WPS add-in, after `webpack --config webpack.wps.config.js`:
 *   dist-wps/jsplugins.xml            online mode: WPS reads <base>/wps/ribbon.xml and index.html
 *                                     (point oem.ini JSPluginsServer at this file on the server);
 *   dist-wps/publish.xml              the same entry for one machine's jsaddons folder (no oem.ini);
 *   dist-wps/offline/<name>_<ver>/    offline mode: the add-in folder to pack as <name>_<ver>.7z;
 *   dist-wps/offline/jsplugins.xml    offline mode: WPS downloads the .7z once and runs it locally.
 * Usage: node scripts/package-wps.js [distDir]   (base URL from XXGK_BASE_URL, https only)
 */
"use strict";
const { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const NAME = "xxgk-report";
const DEFAULT_BASE = "https://localhost:3000";

function escapeXml(s) {
  return String(s).replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]);
}

function checkBase(baseUrl) {
  const base = String(baseUrl).replace(/\/+$/, "");
  if (!/^https:\/\/[^\s"'<>]+$/i.test(base)) throw new Error(`XXGK_BASE_URL 必须是 https 地址 / must be an https URL, got "${baseUrl}"`);
  return base;
}

function xml(entries) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n${entries.map((e) => `  ${e}`).join("\n")}\n</jsplugins>\n`;
}

function packageWps({ distDir, baseUrl = DEFAULT_BASE, version }) {
  const base = checkBase(baseUrl);
  const addin = path.join(distDir, "wps");
  for (const f of ["ribbon.xml", "index.html", "taskpane.html"]) {
    if (!existsSync(path.join(addin, f))) throw new Error(`${path.join(addin, f)} missing: run webpack --config webpack.wps.config.js first`);
  }
  const online = `<jspluginonline name="${escapeXml(NAME)}" type="et" url="${escapeXml(`${base}/wps/`)}"/>`;
  writeFileSync(path.join(distDir, "jsplugins.xml"), xml([online]));
  writeFileSync(path.join(distDir, "publish.xml"), xml([online]));

  const folder = `${NAME}_${version}`;
  const offline = path.join(distDir, "offline");
  rmSync(offline, { recursive: true, force: true });
  mkdirSync(offline, { recursive: true });
  cpSync(addin, path.join(offline, folder), { recursive: true, filter: (src) => !src.endsWith(".map") });
  const packed = `<jsplugin name="${escapeXml(NAME)}" type="et" url="${escapeXml(`${base}/wps-offline/${folder}.7z`)}" version="${escapeXml(version)}"/>`;
  writeFileSync(path.join(offline, "jsplugins.xml"), xml([packed]));
  return { online: path.join(distDir, "jsplugins.xml"), offline: path.join(offline, folder) };
}

module.exports = { packageWps, NAME };

if (require.main === module) {
  const distDir = path.resolve(process.argv[2] || "dist-wps");
  const version = require("../package.json").version;
  const out = packageWps({ distDir, baseUrl: process.env.XXGK_BASE_URL || DEFAULT_BASE, version });
  if (!process.env.XXGK_BASE_URL) console.warn("[package-wps] XXGK_BASE_URL 未设置：jsplugins.xml 指向 https://localhost:3000。/ XXGK_BASE_URL unset.");
  console.log(`[package-wps] ${out.online}\n[package-wps] ${out.offline}（用 7-Zip 打包为同名 .7z / pack as .7z）`);
}

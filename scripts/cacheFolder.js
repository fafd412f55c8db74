/**
 * Where the CLI keeps its caches (the V8 code cache, scripts/codeCache.js; the kept font cuts,
 * src/document/fontCutCacheNode.ts): the compiled CLI's folder when the install can write it,
 * else the user's cache folder (a read-only install). One rule for both, shared by bin's plain
 * JavaScript and the bundled TypeScript.
 */
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { OUT_DIR } = require("./cliBundle.js");

/** dist-cli/ under `root` when writable, else $XDG_CACHE_HOME/xxgk-report or ~/.cache/xxgk-report. */
function cacheFolder(root, outDir = OUT_DIR) {
  const own = path.join(root, outDir);
  try {
    fs.accessSync(own, fs.constants.W_OK);
    return own;
  } catch {
    const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
    return path.join(base, "xxgk-report");
  }
}

module.exports = { cacheFolder };

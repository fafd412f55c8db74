/**
 * Where the compiled CLI lives and whether it is current: shared by scripts/build-cli.js and
 * bin/xxgk-report.js (which must stay fast: plain stat calls, no globbing library).
 */
"use strict";
const { readFileSync, readdirSync, statSync } = require("node:fs");
const path = require("node:path");

const OUT_DIR = "dist-cli";
const BUNDLE = path.join(OUT_DIR, "main.cjs");
const STAMP = path.join(OUT_DIR, "stamp.json");
/** What the bundle is built from: every source file, the generated template, and the scripts it includes. */
const SOURCE_DIRS = ["src"];
const EXTRA = ["package.json", "scripts/build-cli.js", "scripts/cliBundle.js", "scripts/cacheFolder.js"];

/** The newest modification time (ms) of the CLI's sources under root. */
function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of SOURCE_DIRS) visit(path.join(root, d));
  for (const f of EXTRA) {
    try {
      newest = Math.max(newest, statSync(path.join(root, f)).mtimeMs);
    } catch {
      /* absent: nothing to compare */
    }
  }
  return newest;
}

/**
 * Whether the bundle under root is current: its stamp records a time no source is newer than.
 * What bin/xxgk-report.js runs by, and what the bench and the tests check; a missing or damaged
 * stamp is not current.
 */
function bundleIsCurrent(root) {
  try {
    const stamp = JSON.parse(readFileSync(path.join(root, STAMP), "utf8"));
    return typeof stamp.newest === "number" && newestSource(root) <= stamp.newest;
  } catch {
    return false;
  }
}

module.exports = { OUT_DIR, BUNDLE, STAMP, newestSource, bundleIsCurrent };

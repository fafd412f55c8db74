#!/usr/bin/env node
/**
 * `npm run screenshots`: copies the e2e's pictures that README and docs show into docs/images, so
 * the pictures in the documentation are what the tests last drove (run the e2e first:
 * `npx jest test/e2e/workbench.test.ts test/e2e/wps.test.ts`). Fails, naming the file, when one is
 * missing rather than leaving an old picture in place silently.
 */
const { copyFileSync, existsSync, mkdirSync } = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "test-output");
/** docs/images name → the e2e picture it is copied from. */
const PICTURES = {
  "pane-first-number.png": "e2e/40-web-first-number.png",
  "pane-first-number-office2019.png": "e2e/40-office2019retail-first-number-pane.png",
  "pane-wps-finding.png": "e2e-wps/02-finding.png",
};

const dir = path.join(ROOT, "docs", "images");
mkdirSync(dir, { recursive: true });
const missing = Object.values(PICTURES).filter((from) => !existsSync(path.join(OUT, from)));
if (missing.length) {
  console.error(`缺少 e2e 截图（请先运行 e2e）：${missing.join("、")}`);
  process.exit(1);
}
for (const [to, from] of Object.entries(PICTURES)) {
  copyFileSync(path.join(OUT, from), path.join(dir, to));
  console.log(`docs/images/${to} ← test-output/${from}`);
}

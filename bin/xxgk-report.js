#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx xxgk-report` works after `npm install`
// without a build step. Both loaders are hooked: require() for the static graph and the ESM
// loader for the commands' lazy import().
"use strict";
const path = require("node:path");
require("tsx/cjs");

import("tsx/esm")
  .then(() => {
    const { main } = require(path.join(__dirname, "..", "src", "cli", "main.ts"));
    return main(process.argv.slice(2));
  })
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      // Through the CLI's output boundary: an exception may quote a file's content.
      const { forTerminal } = require(path.join(__dirname, "..", "src", "cli", "terminal.ts"));
      process.stderr.write(`内部错误：${forTerminal(String(err && err.stack ? err.stack : err))}\n`);
      process.exitCode = 2;
    },
  );

#!/usr/bin/env node
// Turns off the Office tooling's usage-data telemetry (office-addin-usage-data) for this user.
// Run from postinstall and CI. Calls the tool's own CLI through node, because npm may leave its
// bin without the execute bit.
"use strict";
const { execFileSync } = require("node:child_process");
const path = require("node:path");
try {
  const cli = require.resolve("office-addin-usage-data/cli.js", { paths: [path.join(__dirname, "..")] });
  execFileSync(process.execPath, [cli, "off"], { stdio: "ignore" });
} catch {
  // The tool is a dev dependency; without it there is nothing to turn off.
}

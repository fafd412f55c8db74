/**
 * The compiled CLI (dist-cli/) is what clerks run, so the CLI's figures are of it. When a source
 * under src/ is newer than the bundle, bin/xxgk-report.js runs the sources through tsx instead (a
 * developer editing): build it first, or the figures would be of that path.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../test/helpers/paths";

export function ensureCompiledCli(): void {
  const r = spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build-cli.js")], { stdio: "ignore" });
  const { bundleIsCurrent } = require(path.join(PROJECT_ROOT, "scripts", "cliBundle.js")) as { bundleIsCurrent(root: string): boolean };
  if (r.status !== 0 || !bundleIsCurrent(PROJECT_ROOT)) {
    throw new Error("scripts/build-cli.js did not leave a current dist-cli/: the CLI's figures would be of the sources run by tsx");
  }
}

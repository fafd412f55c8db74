/**
 * Running the real CLI as another user, for what only a non-owner sees (a folder without
 * permissions is unreadable to it; root reads everything). As root the CLI runs as `nobody` from
 * a sandbox in the system's temporary folder: the compiled CLI (dist-cli/main.cjs) and the test's
 * own files, all reachable by other users — so it works wherever the checkout sits, a private
 * (0700) clone under /root or `mktemp -d` included. Not root: the CLI runs as the user, as is.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./paths";

const NOBODY = { uid: 65534, gid: 65534 };

export interface CliRunner {
  /** Where the test puts the files the CLI reads and writes. */
  dir: string;
  /** Whether the CLI runs as another user (permissions then apply to it). */
  asOtherUser: boolean;
  run(args: string[]): SpawnSyncReturns<string>;
}

/** Every folder from / down to dir can be entered by other users (o+x). */
function reachable(dir: string): boolean {
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    let mode: number;
    try {
      mode = statSync(d).mode;
    } catch {
      return false;
    }
    if ((mode & 0o001) === 0) return false;
    if (path.dirname(d) === d) return true;
  }
}

export function cliRunner(name: string, fallbackDir: string): CliRunner {
  const bin = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
  if (process.getuid?.() !== 0) {
    return { dir: fallbackDir, asOtherUser: false, run: (args) => spawnSync(process.execPath, [bin, ...args], { cwd: PROJECT_ROOT, encoding: "utf8", timeout: 60_000 }) };
  }
  const bundle = path.join(PROJECT_ROOT, "dist-cli", "main.cjs");
  if (!existsSync(bundle)) spawnSync(process.execPath, [path.join(PROJECT_ROOT, "scripts", "build-cli.js"), "--strict"], { cwd: PROJECT_ROOT });
  if (!reachable(os.tmpdir())) throw new Error(`${os.tmpdir()} is not reachable by other users: set TMPDIR to a folder that is (e.g. /tmp)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), `xxgk-${name}-`));
  chmodSync(dir, 0o755);
  copyFileSync(bundle, path.join(dir, "main.cjs"));
  writeFileSync(path.join(dir, "run.cjs"), 'require("./main.cjs").main(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n');
  return {
    dir,
    asOtherUser: true,
    run: (args) => spawnSync(process.execPath, [path.join(dir, "run.cjs"), ...args], { cwd: dir, encoding: "utf8", timeout: 60_000, ...NOBODY }),
  };
}

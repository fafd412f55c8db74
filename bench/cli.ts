/**
 * Figures of the CLI as a clerk starts it: whole-process wall time of `xxgk-report check` on one
 * text report, paired with a bare `node -e 0` started just before each run (the machine's load
 * moves both alike), so the ratio holds on a busy machine where the milliseconds do not. The
 * compiled CLI, built first when a source is newer (compiledCli.ts): cliCheckFromSourceMs is the
 * sources run through tsx, as after an edit.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { FIXTURES, PROJECT_ROOT } from "../test/helpers/paths";
import { ensureCompiledCli } from "./compiledCli";
import { median, round } from "./stats";

const RUNS = 11;

function wallMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: "ignore" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(" ")} exited ${r.status}`);
  return ms;
}

export async function bench(): Promise<Record<string, number>> {
  ensureCompiledCli();
  const bin = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");
  const report = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");
  const cli: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const b = wallMs(["-e", "0"]);
    const c = wallMs([bin, "check", report]);
    if (i === 0) continue; // warm-up: the file cache
    bare.push(b);
    cli.push(c);
    ratios.push(c / b);
  }
  const fromSource = median([0, 1, 2].map(() => wallMs([bin, "check", report], { ...process.env, XXGK_CLI_FROM_SOURCE: "1" })));
  return {
    cliCheckWallMs: round(median(cli), 1),
    nodeStartMs: round(median(bare), 1),
    cliCheckVsNodeStart: round(median(ratios), 2),
    cliCheckFromSourceMs: round(fromSource, 1),
  };
}

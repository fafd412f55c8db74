/**
 * The production workbench build, shared by the e2e files that drive it (Excel and WPS hosts):
 * built once and reused while no source is newer, under a lock directory, so jest's parallel
 * workers never build it twice at the same time (two concurrent production builds on a small CI
 * machine can exceed a test's time limit).
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import webpack, { type Configuration, type Stats } from "webpack";
import { PROJECT_ROOT } from "../helpers/paths";

const SITE = path.join(PROJECT_ROOT, "test-output", "e2e-workbench-site");
const LOCK = `${SITE}.lock`;
const STAMP = path.join(SITE, "built.stamp");
/** A lock older than this was left by a killed run. */
const STALE_LOCK_MS = 10 * 60 * 1000;

function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ["src", "assets", "scripts", "webpack.config.js", "package.json", "dist-template"]) {
    const full = path.join(PROJECT_ROOT, p);
    if (existsSync(full)) walk(full);
  }
  return newest;
}

const fresh = () => existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource();

async function build(): Promise<void> {
  rmSync(SITE, { recursive: true, force: true });
  const makeConfig = require(path.join(PROJECT_ROOT, "webpack.config.js")) as (env: object, argv: object) => Configuration;
  // The production build: what ships, with tree shaking (package.json "sideEffects") and minification.
  const config = makeConfig({ workbench: true, outDir: SITE, quiet: true }, { mode: "production" });
  await new Promise<Stats>((resolve, reject) =>
    webpack(config, (err, stats) => (err ? reject(err) : stats?.hasErrors() ? reject(new Error(stats.toString("errors-only"))) : resolve(stats!))),
  );
  writeFileSync(STAMP, new Date().toISOString());
}

/** The folder of the built workbench (building it if no up-to-date build exists). */
export async function workbenchSite(): Promise<string> {
  mkdirSync(path.dirname(SITE), { recursive: true });
  for (;;) {
    if (fresh()) return SITE;
    try {
      mkdirSync(LOCK);
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      if (!fresh()) await build();
      return SITE;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}

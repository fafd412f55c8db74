/**
 * `npm run bench`: prints ONE JSON object of figures (medians over repeated runs). Each area keeps
 * its own bench module; keys stay stable across releases. Performance targets live in budgets.ts,
 * never in timed tests.
 */
import { judge } from "./budgets";

const AREAS = ["cli", "core", "rollup", "import", "template", "export", "taskpane", "excel", "harden", "wps", "ledger", "legacy", "regimport", "refusals", "bounds", "workbench"] as const;

async function run(): Promise<void> {
  const figures: Record<string, number | string> = {};
  const failures: Record<string, string> = {};
  for (const area of AREAS) {
    try {
      const mod = (await import(`./${area}`)) as { bench: () => Promise<Record<string, number>> };
      Object.assign(figures, await mod.bench());
    } catch (e) {
      failures[area] = e instanceof Error ? e.message.split("\n")[0]! : String(e);
    }
  }
  // Each budgeted figure beside its budget (bench/budgets.ts), and whether all are met.
  const out: Record<string, unknown> = { ...figures, ...judge(figures) };
  if (Object.keys(failures).length) out.failures = failures;
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  if (Object.keys(failures).length) process.exitCode = 1;
}

void run();

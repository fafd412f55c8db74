/**
 * `npm run bench`: prints ONE JSON object of figures (medians over repeated runs). Each area keeps
 * its own bench module; keys stay stable across releases. Performance targets live here, never in
 * timed tests.
 */
const AREAS = ["core", "import", "template", "export", "taskpane", "excel", "harden", "wps", "ledger", "legacy", "regimport", "bounds"] as const;

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
  const out: Record<string, unknown> = { ...figures };
  if (Object.keys(failures).length) out.failures = failures;
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  if (Object.keys(failures).length) process.exitCode = 1;
}

void run();

/** Where tests find the project, its fixtures (read-only) and their own output folder. */
import { mkdirSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
/** Published reports kept in the project (origins in test/fixtures/SOURCES.md). */
export const FIXTURES = path.join(PROJECT_ROOT, "test", "fixtures");

/** A folder under test-output/ (ignored by git) for a test's artifacts. */
export function outputDir(name: string): string {
  const dir = path.join(PROJECT_ROOT, "test-output", name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

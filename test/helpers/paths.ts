/** Where tests find the project, the shared fixtures (read-only) and their own output folder. */
import { mkdirSync } from "node:fs";
import path from "node:path";

export const PROJECT_ROOT = path.resolve(__dirname, "..", "..");
/** ../shared beside the project (read-only in CI). */
export const SHARED = path.resolve(PROJECT_ROOT, "..", "shared");
export const FIXTURES = path.join(SHARED, "fixtures");

/** A folder under test-output/ (ignored by git) for a test's artifacts. */
export function outputDir(name: string): string {
  const dir = path.join(PROJECT_ROOT, "test-output", name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A CliIO that keeps what a command prints, for tests that run a command in process. */
import type { CliIO } from "../../src/cli/io";

export function captureIO(cwd: string): CliIO & { outText: string[]; errText: string[] } {
  const outText: string[] = [];
  const errText: string[] = [];
  return { out: (t) => outText.push(t), err: (t) => errText.push(t), cwd, outText, errText };
}

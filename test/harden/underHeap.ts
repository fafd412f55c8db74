/**
 * The real CLI in a child process with V8's heap capped at 1 GB (beyond it the process dies with
 * exit 134, never exit 2), as the hostile-file tests run it.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/paths";

const BIN = path.join(PROJECT_ROOT, "bin", "xxgk-report.js");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Write `bytes` to `dir/file` and run `xxgk-report <command> <file> ...args` on it. */
export function runUnderHeap(dir: string, command: string, file: string, bytes: Uint8Array | string, args: string[] = []): Promise<Run> {
  const p = path.join(dir, file);
  writeFileSync(p, bytes);
  const start = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, ["--max-old-space-size=1024", BIN, command, p, ...args], { cwd: PROJECT_ROOT, timeout: 60_000, maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? null) : 0;
      resolve({ code: typeof code === "number" ? code : null, stdout, stderr, ms: Date.now() - start });
    });
  });
}

/** Ended in time with exit 2 and a Chinese reason matching `says`; no stack, no heap message. */
export function expectRefused(r: Run, says: RegExp): void {
  if (process.env.HOSTILE_TIMES) console.log(r.ms, r.stderr.slice(0, 200));
  expect({ code: r.code, said: says.test(r.stderr) }).toEqual({ code: 2, said: true });
  expect(r.ms).toBeLessThan(30_000);
  expect(r.stderr).not.toMatch(/内部错误|heap|Error:|at .*\.ts:/);
}

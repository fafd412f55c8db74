/**
 * Writing the 汇总 workbook for `rollup --out`: never over an existing file (a clerk's own 汇总
 * from last week) unless --force, and all or nothing (writeOutput), so a failure leaves nothing
 * half-written where the file should be.
 */
import { existsSync } from "node:fs";
import type { RollupResult } from "../../workflow/rollup";
import { rollupWorkbook } from "../../workflow/rollup/workbook";
import { cliText } from "../messages";
import { FsFailure } from "../paths";
import { writeOutput } from "../writeOutput";
import { ROLLUP_CLI as T } from "./rollupMessages";

export async function writeRollupWorkbook(file: string, result: RollupResult, force: boolean): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!/\.xlsx$/i.test(file)) return { ok: false, error: T.outNotXlsx(file) };
  if (existsSync(file) && !force) return { ok: false, error: T.outExists(file) };
  try {
    await writeOutput(file, await rollupWorkbook(result));
    return { ok: true };
  } catch (e) {
    const f = e instanceof FsFailure ? e : new FsFailure("EIO", file);
    return { ok: false, error: cliText.fsError(f.code, f.at) };
  }
}

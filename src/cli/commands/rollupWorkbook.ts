/**
 * Writing the 汇总 workbook for `rollup --out`: never over an existing file (a clerk's own 汇总
 * from last week) unless --force, and through a temporary file renamed into place, so a failure
 * leaves nothing half-written where the file should be.
 */
import { existsSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { RollupResult } from "../../workflow/rollup";
import { rollupWorkbook } from "../../workflow/rollup/workbook";
import { ensureParentDir, FsFailure } from "../paths";
import { cliText } from "../messages";
import { ROLLUP_CLI as T } from "./rollupMessages";

export async function writeRollupWorkbook(file: string, result: RollupResult, force: boolean): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!/\.xlsx$/i.test(file)) return { ok: false, error: T.outNotXlsx(file) };
  if (existsSync(file) && !force) return { ok: false, error: T.outExists(file) };
  const bytes = await rollupWorkbook(result);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await ensureParentDir(file);
    await writeFile(tmp, bytes, { flag: "wx" });
    await rename(tmp, file);
    return { ok: true };
  } catch (e) {
    await rm(tmp, { force: true });
    const code = e instanceof FsFailure ? e.code : ((e as NodeJS.ErrnoException).code ?? "EIO");
    return { ok: false, error: cliText.fsError(code, e instanceof FsFailure ? e.at : file) };
  }
}

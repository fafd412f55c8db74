/**
 * How every file the CLI writes (export, template) reaches the disk without ever destroying the
 * file that was there: the bytes go to a temporary file in the target's own folder (the same file
 * system, so the rename cannot turn into a copy), are flushed to the disk (fsync), and only then
 * renamed over the target. A full disk, a failed write or a killed process leaves the old file as
 * it was; a crash between the two leaves at most a stray `.xxgk-*.tmp` beside it, never a torn file.
 */
import { randomBytes } from "node:crypto";
import { chmod, open, rename, stat, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";
import { canonical, ensureParentDir, FsFailure } from "./paths";

/** Writes the content into an open file; may write in pieces (tests use it to fail half-way). */
export type Writer = (handle: FileHandle) => Promise<void>;

/** Prefix of the temporary files, so a stray one (left by a kill) is recognisable. */
export const TEMP_PREFIX = ".xxgk-";

function failure(e: unknown, at: string): FsFailure {
  return e instanceof FsFailure ? e : new FsFailure((e as NodeJS.ErrnoException)?.code ?? "EIO", at);
}

/**
 * Replace `file` with `content`, all or nothing. A symlink at `file` keeps pointing where it did
 * (the file it names is replaced); an existing file's permission bits are kept. Throws FsFailure.
 */
export async function writeOutput(file: string, content: Uint8Array | Writer): Promise<void> {
  await ensureParentDir(file);
  const target = await canonical(file);
  const dir = path.dirname(target);
  const mode = await stat(target).then(
    (s) => s.mode & 0o777,
    () => null,
  );
  // A short name of our own: the target's name may already be at the length limit.
  const temp = path.join(dir, `${TEMP_PREFIX}${randomBytes(8).toString("hex")}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temp, "wx", 0o666);
  } catch (e) {
    throw failure(e, dir);
  }
  try {
    try {
      if (typeof content === "function") await content(handle);
      else await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== null) await chmod(temp, mode);
    await rename(temp, target);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw failure(e, file);
  }
  await syncFolder(dir);
}

/** Make the rename itself durable. Not every system can open a folder for fsync (Windows): best effort. */
async function syncFolder(dir: string): Promise<void> {
  const h = await open(dir, "r").catch(() => null);
  if (!h) return;
  await h.sync().catch(() => undefined);
  await h.close().catch(() => undefined);
}

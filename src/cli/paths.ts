/**
 * File-system care for the CLI: never write over an input, create output folders without
 * spinning on paths that can never exist (/proc/nope), recognise one file under several names.
 */
import { mkdir, realpath, stat } from "node:fs/promises";
import path from "node:path";

/** The canonical path of a file that may not exist yet: its folder's realpath plus its name. */
export async function canonical(file: string): Promise<string> {
  const abs = path.resolve(file);
  try {
    return await realpath(abs);
  } catch {
    const dir = path.dirname(abs);
    if (dir === abs) return abs;
    return path.join(await canonical(dir), path.basename(abs));
  }
}

/** Device and inode of an existing file ("" when it does not exist): hard links share them. */
async function identity(file: string): Promise<string> {
  return stat(file, { bigint: true }).then(
    (s) => `${s.dev}:${s.ino}`,
    () => "",
  );
}

/**
 * Index pairs of paths that name the same file: by device and inode where the file exists (hard
 * links, other spellings, symlinks), by realpath where it does not yet (two outputs into one file).
 */
export async function sameFiles(files: string[]): Promise<Array<[number, number]>> {
  const real = await Promise.all(files.map(canonical));
  const ids = await Promise.all(files.map(identity));
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < real.length; i++) {
    for (let j = i + 1; j < real.length; j++) if (real[i] === real[j] || (ids[i] !== "" && ids[i] === ids[j])) pairs.push([i, j]);
  }
  return pairs;
}

/** A file-system failure with the error code kept (for a Chinese message). */
export class FsFailure extends Error {
  constructor(readonly code: string, readonly at: string) {
    super(`${code} ${at}`);
  }
}

/**
 * Create the folder a file goes into, one level at a time from the nearest existing ancestor:
 * each step fails at once (a recursive mkdir on /proc/nope retries forever on some systems).
 */
export async function ensureParentDir(file: string): Promise<void> {
  const missing: string[] = [];
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    const st = await stat(dir).catch((e: NodeJS.ErrnoException) => (e.code === "ENOENT" ? null : Promise.reject(new FsFailure(e.code ?? "EIO", dir))));
    if (st) {
      if (!st.isDirectory()) throw new FsFailure("ENOTDIR", dir);
      break;
    }
    missing.push(dir);
    const up = path.dirname(dir);
    if (up === dir || missing.length > 64) throw new FsFailure("ENOENT", dir);
    dir = up;
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EEXIST") throw new FsFailure(e.code ?? "EIO", d);
    });
  }
}

/** Node (CLI, tests, bench): the PDF fonts read from assets/fonts. Not imported by the add-in. */
import { closeSync, existsSync, fstatSync, openSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { FACT_TABLES, directoryBytes, factsFromTables, tableDirectory, type FontFacts } from "./cmap";
import { FONT_ROLES, PDF_FONT_FILES, type FontBytes, type FontRole, type UsedChars } from "./fonts";
import type { FontSource } from "./fontSource";
import type { Coverage } from "./glyphs";
import { text } from "./messages";

/**
 * The package root: the nearest folder above this module with a package.json. This module runs
 * from src/document (tsx, jest) or bundled into dist-cli/main.cjs, so a fixed "../.." is wrong
 * in one of them (it was: the compiled CLI looked for fonts beside the checkout).
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "..", "..");
  }
}

/** assets/fonts of this checkout, or XXGK_FONTS_DIR. */
export function defaultFontsDir(): string {
  return process.env.XXGK_FONTS_DIR ?? path.join(packageRoot(), "assets", "fonts");
}

const cache = new Map<string, Promise<FontBytes>>();

/** Read the five font files once per directory (repeat exports reuse the bytes and their coverage). */
export function loadFontsFromDir(dir: string = defaultFontsDir()): Promise<FontBytes> {
  let p = cache.get(dir);
  if (!p) {
    p = Promise.all(FONT_ROLES.map(async (r) => [r, new Uint8Array(await readFile(path.join(dir, PDF_FONT_FILES[r])))] as const)).then(
      (entries) => Object.fromEntries(entries) as Record<FontRole, Uint8Array>,
    );
    p.catch(() => cache.delete(dir));
    cache.set(dir, p);
  }
  return p;
}

/**
 * A face's facts from its table directory and the FACT_TABLES alone (a few KB of a 2–5 MB file).
 * A file cut short is named, with what it lacks (the message reaches the clerk).
 */
export function readFontFacts(file: string): FontFacts {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const readAt = (position: number, length: number, what: string): DataView => {
      if (position + length > size) throw new Error(text.fontFileShort(path.basename(file), size, what, position + length));
      const buf = Buffer.alloc(length);
      for (let got = 0; got < length; ) {
        const n = readSync(fd, buf, got, length - got, position + got);
        if (n === 0) throw new Error(text.fontFileShrank(path.basename(file)));
        got += n;
      }
      return new DataView(buf.buffer, buf.byteOffset, length);
    };
    const numTables = readAt(0, 12, text.fontFileHeader).getUint16(4);
    const dir = tableDirectory(readAt(0, directoryBytes(numTables), text.fontFileDirectory));
    const tables = new Map<string, DataView>();
    for (const tag of FACT_TABLES) {
      const t = dir.get(tag);
      if (t) tables.set(tag, readAt(t.offset, t.length, text.fontFileTable(tag)));
    }
    return factsFromTables((tag) => tables.get(tag) ?? null);
  } finally {
    closeSync(fd);
  }
}

/**
 * The PDF fonts of `dir` for an export that does not read the faces in this thread: their coverage
 * from each face's cmap, their faces from `cut` (the CLI's font worker, which cuts them to the
 * report's characters), or the whole faces when there is no `cut` or it fails. Throws, as
 * loadFontsFromDir rejects, when a face cannot be read.
 */
export function fontSourceFromDir(dir: string, cut?: (used: UsedChars) => Promise<FontBytes>): FontSource {
  const coverage = Object.fromEntries(FONT_ROLES.map((r) => [r, readFontFacts(path.join(dir, PDF_FONT_FILES[r]))])) as Coverage;
  return {
    coverage,
    // A cut that throws instead of rejecting falls back the same way.
    faces: (used) => (cut ? Promise.resolve(used).then(cut).catch(() => loadFontsFromDir(dir)) : loadFontsFromDir(dir)),
  };
}

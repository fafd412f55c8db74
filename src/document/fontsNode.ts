/** Node (CLI, tests, bench): the PDF fonts read from assets/fonts. Not imported by the add-in. */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { FONT_ROLES, PDF_FONT_FILES, type FontBytes, type FontRole } from "./fonts";

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

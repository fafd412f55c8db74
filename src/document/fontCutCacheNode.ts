/**
 * Node only (CLI): faces cut for earlier exports, kept on disk, so that an export drawing no
 * character outside them draws with them at once: no worker to wait for, no HarfBuzz (issue 23:
 * "fonts subset once and cached"). A clerk exports the same report again after each correction;
 * a 政务公开办 exports unit after unit, whose characters are mostly the same few hundred.
 *
 * One file per role: a header naming the whole face it was cut from (path, size, modification
 * time, FONTS_VERSION) and the cut face's SHA-1, then the face. An entry serves only when that
 * face is still the one on disk, the bytes hash as written, and its own cmap maps every character
 * asked for. Anything else (no file, another face, a damaged or foreign file) is a miss, and the
 * export cuts as if there were no cache. Writes go to a temporary file renamed into place, so
 * two exports at once never read half a face.
 *
 * The cut kept grows with each export (what it had and what the new report draws), up to
 * KEEP_MAX_CHARS per face; a report beyond that is cut for itself and replaces the entry.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fontFacts } from "./cmap";
import { FONT_ROLES, FONTS_VERSION, PDF_FONT_FILES, noChars, type FontBytes, type FontRole, type UsedChars } from "./fonts";
import { packageRoot } from "./fontsNode";
import { cacheFolder } from "../../scripts/cacheFolder";
import { fitFonts } from "./fontSubsetNode";

const MAGIC = "xxgk-font-cut-1";
/** A face kept for later exports holds at most this many characters (GB2312 has 7 445). */
export const KEEP_MAX_CHARS = 2000;

/**
 * Where the cuts are kept: XXGK_FONT_CACHE_DIR; else the CLI's cache folder, beside the V8 code
 * cache (scripts/cacheFolder.js: dist-cli/ when writable, else the user's cache folder).
 */
export function defaultCutCacheDir(): string {
  return process.env.XXGK_FONT_CACHE_DIR || cacheFolder(packageRoot());
}

interface Header {
  magic: string;
  fontsVersion: string;
  source: { file: string; size: number; mtimeMs: number };
  sha1: string;
}

const entryFile = (cacheDir: string, role: FontRole) => path.join(cacheDir, `font-cut-${role}.bin`);
const sha1 = (b: Uint8Array) => createHash("sha1").update(b).digest("hex");

function sourceOf(fontsDir: string, role: FontRole): Header["source"] {
  const file = path.resolve(fontsDir, PDF_FONT_FILES[role]);
  const st = statSync(file);
  return { file, size: st.size, mtimeMs: st.mtimeMs };
}

/** The kept face of `role` when it was cut from the face now in `fontsDir`, else null. */
export function keptFace(cacheDir: string, fontsDir: string, role: FontRole): Uint8Array | null {
  try {
    const buf = readFileSync(entryFile(cacheDir, role));
    const headLen = buf.readUInt32LE(0);
    const head = JSON.parse(buf.toString("utf8", 4, 4 + headLen)) as Header;
    const src = sourceOf(fontsDir, role);
    if (head.magic !== MAGIC || head.fontsVersion !== FONTS_VERSION) return null;
    if (head.source?.file !== src.file || head.source.size !== src.size || head.source.mtimeMs !== src.mtimeMs) return null;
    // A copy with a buffer of its own: a small file's bytes sit in Node's shared pool, which
    // cannot be moved to another thread.
    const face = buf.subarray(4 + headLen);
    return sha1(face) === head.sha1 ? new Uint8Array(face) : null;
  } catch {
    return null;
  }
}

/** Whether `face` maps every character of `chars` (false for a face its cmap cannot be read from). */
function maps(face: Uint8Array, chars: Set<number>): boolean {
  try {
    const facts = fontFacts(face);
    for (const cp of chars) if (!facts.has(cp)) return false;
    return true;
  } catch {
    return false;
  }
}

/** The characters a kept face maps (none when there is no usable entry). */
export function keptChars(face: Uint8Array | null): Set<number> {
  if (!face) return new Set();
  try {
    return fontFacts(face).codePoints();
  } catch {
    return new Set();
  }
}

/**
 * Faces for a PDF drawing `used`, all kept: every role that draws something has a kept face
 * mapping all of it; a role drawing nothing takes its kept face, or its whole face when none is
 * kept (pdfmake never opens it). Null when any role misses.
 */
export function keptFaces(cacheDir: string, fontsDir: string, used: UsedChars): FontBytes | null {
  const out: Partial<FontBytes> = {};
  for (const role of FONT_ROLES) {
    const face = keptFace(cacheDir, fontsDir, role);
    if (used[role].size === 0) {
      // No kept face and the whole one unreadable: a miss, which the worker's path reports.
      try {
        out[role] = face ?? new Uint8Array(readFileSync(path.join(fontsDir, PDF_FONT_FILES[role])));
      } catch {
        return null;
      }
      continue;
    }
    if (!face || !maps(face, used[role])) return null;
    out[role] = face;
  }
  return out as FontBytes;
}

/** What to cut `role` for, so the kept face grows: what it had and `used`, up to KEEP_MAX_CHARS. */
export function toKeep(used: Set<number>, kept: Set<number>): Set<number> {
  if (used.size === 0) return used;
  const all = new Set([...kept, ...used]);
  return all.size <= KEEP_MAX_CHARS ? all : used;
}

/** Faces for `used` (fontFitWorkerNode): the kept ones that serve, the others cut now. */
export interface Cut {
  faces: FontBytes;
  /** What each face was cut or kept for: it maps at least these. */
  covers: UsedChars;
  /** Roles cut now, for a later export to keep. */
  fresh: FontRole[];
}

/**
 * Faces for a PDF drawing `used`, given the whole faces and those kept: a kept face that maps a
 * role's characters serves as it is; any other role is cut for what it draws and what its kept
 * face had (toKeep). A role drawing nothing keeps its kept or whole face. Throws as fitFonts does.
 */
export function cutWithKept(fonts: FontBytes, used: UsedChars, kept: Partial<FontBytes>): Cut {
  const faces = { ...fonts };
  const covers = noChars();
  const want = noChars();
  const fresh: FontRole[] = [];
  for (const role of FONT_ROLES) {
    const k = kept[role] ?? null;
    if (used[role].size === 0) {
      if (k) faces[role] = k;
    } else if (k && maps(k, used[role])) {
      faces[role] = k;
      covers[role] = used[role];
    } else {
      want[role] = covers[role] = toKeep(used[role], keptChars(k));
      fresh.push(role);
    }
  }
  const cut = fitFonts(fonts, want);
  for (const role of fresh) faces[role] = cut[role];
  return { faces, covers, fresh };
}

/** The kept faces of `fontsDir` that are still valid, by role. */
export function keptOf(cacheDir: string, fontsDir: string): Partial<FontBytes> {
  const out: Partial<FontBytes> = {};
  for (const role of FONT_ROLES) {
    const face = keptFace(cacheDir, fontsDir, role);
    if (face) out[role] = face;
  }
  return out;
}

/**
 * Keep `face`, cut from `fontsDir`'s face of `role`, for later exports. Never throws: a cache
 * that cannot be written (read-only, full disk) only means the next export cuts again.
 */
export function keepFace(cacheDir: string, fontsDir: string, role: FontRole, face: Uint8Array): void {
  const file = entryFile(cacheDir, role);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const head: Header = { magic: MAGIC, fontsVersion: FONTS_VERSION, source: sourceOf(fontsDir, role), sha1: sha1(face) };
    const json = Buffer.from(JSON.stringify(head));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length, 0);
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    writeFileSync(tmp, Buffer.concat([len, json, face]), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    try {
      rmSync(tmp, { force: true });
    } catch {
      /* nothing more to do */
    }
  }
}

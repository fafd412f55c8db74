/**
 * Opening a zip container (.docx, .xlsx) within bounds, before any XML parser sees it. A real
 * report inflates to a few hundred KB; a hostile one can hold 1 KB that inflates to 1 GB. So:
 *   1. the central directory is read without inflating anything: too many entries → refused;
 *   2. only the parts the reader needs are inflated (the caller's `want`), the rest never are;
 *   3. each wanted part is stream-inflated with a running byte count and stopped at the cap,
 *      whatever size its header declares (a declared size over the cap is refused up front).
 * The result is a new, small zip of just those parts for mammoth / ExcelJS. Runs in Node and in
 * the browser (fflate only).
 */
import { Unzip, UnzipInflate, unzipSync, zipSync, type UnzipFile } from "fflate";

export interface ZipLimits {
  /** Entries in the central directory (a .docx has ~20, an .xlsx ~30). */
  maxEntries: number;
  /** Inflated bytes of any one part that is read. */
  maxPartBytes: number;
  /** Inflated bytes of all parts read, together. */
  maxTotalBytes: number;
}

/** About 50–100 times what a real report needs; see docs/import.md. */
export const ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxPartBytes: 16 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 };

export type ZipProblem =
  | { kind: "corrupt" }
  | { kind: "entries"; count: number; limit: number }
  | { kind: "part"; name: string; limit: number }
  | { kind: "total"; limit: number }
  | { kind: "missing"; name: string };

export type ZipRead = { ok: true; parts: Map<string, Uint8Array>; skipped: string[] } | { ok: false; problem: ZipProblem };

class Stop extends Error {
  constructor(readonly problem: ZipProblem) {
    super(problem.kind);
    // ES5 builds (IE11): Error.call returns a new object; keep the subclass for instanceof.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** Names and declared sizes from the central directory; nothing is inflated. */
function directory(bytes: Uint8Array): Array<{ name: string; originalSize: number }> {
  const out: Array<{ name: string; originalSize: number }> = [];
  unzipSync(bytes, {
    filter: (f) => {
      out.push({ name: f.name, originalSize: f.originalSize });
      return false;
    },
  });
  return out;
}

/** Inflate the wanted parts of a zip, within `limits`. Never throws. */
export function readZipParts(bytes: Uint8Array, want: (name: string) => boolean, required: string[] = [], limits: ZipLimits = ZIP_LIMITS): ZipRead {
  let entries: Array<{ name: string; originalSize: number }>;
  try {
    entries = directory(bytes);
  } catch {
    return { ok: false, problem: { kind: "corrupt" } };
  }
  if (entries.length > limits.maxEntries) return { ok: false, problem: { kind: "entries", count: entries.length, limit: limits.maxEntries } };
  const wanted = new Set<string>();
  const skipped: string[] = [];
  let declared = 0;
  for (const e of entries) {
    if (!want(e.name)) {
      skipped.push(e.name);
      continue;
    }
    if (e.originalSize > limits.maxPartBytes) return { ok: false, problem: { kind: "part", name: e.name, limit: limits.maxPartBytes } };
    declared += e.originalSize;
    if (declared > limits.maxTotalBytes) return { ok: false, problem: { kind: "total", limit: limits.maxTotalBytes } };
    wanted.add(e.name);
  }
  for (const name of required) if (!wanted.has(name)) return { ok: false, problem: { kind: "missing", name } };

  const parts = new Map<string, Uint8Array>();
  let total = 0;
  try {
    const unzip = new Unzip((file: UnzipFile) => {
      // Only names the central directory listed as wanted; a local header may lie about the rest.
      if (!wanted.has(file.name) || parts.has(file.name)) return;
      const chunks: Uint8Array[] = [];
      let size = 0;
      file.ondata = (err, chunk, final) => {
        if (err) throw new Stop({ kind: "corrupt" });
        size += chunk.length;
        total += chunk.length;
        if (size > limits.maxPartBytes) throw new Stop({ kind: "part", name: file.name, limit: limits.maxPartBytes });
        if (total > limits.maxTotalBytes) throw new Stop({ kind: "total", limit: limits.maxTotalBytes });
        chunks.push(chunk);
        if (final) parts.set(file.name, concat(chunks, size));
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    // Pushed in slices so a hostile part is stopped after at most one slice's worth of output.
    const SLICE = 16 * 1024;
    for (let i = 0; i < bytes.length; i += SLICE) unzip.push(bytes.subarray(i, Math.min(bytes.length, i + SLICE)), i + SLICE >= bytes.length);
  } catch (e) {
    return { ok: false, problem: e instanceof Stop ? e.problem : { kind: "corrupt" } };
  }
  for (const name of wanted) if (!parts.has(name)) return { ok: false, problem: required.includes(name) ? { kind: "missing", name } : { kind: "corrupt" } };
  return { ok: true, parts, skipped };
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A new zip of just these parts (stored, not compressed: it is only handed to a reader). */
export function repack(parts: Map<string, Uint8Array>): Uint8Array {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const [name, data] of parts) files[name] = [data, { level: 0 }];
  return zipSync(files);
}

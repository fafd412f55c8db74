/**
 * A V8 code cache for the compiled CLI and the packages it loads (pdfmake, pdfkit, fontkit, docx …),
 * used by bin/xxgk-report.js. Node 20 has no module.enableCompileCache, so CommonJS modules under the
 * package root are compiled here through vm.Script with the bytecode V8 produced on an earlier run
 * (measured: compiling and lazily compiling these modules is ~15 % of an `export --pdf`).
 *
 * Safe by construction: an entry is used only when its source's SHA-1 matches, V8 itself refuses
 * bytecode of another V8 version or flags (the module then compiles as usual), and any failure to
 * read, parse or write the cache is ignored: the run goes on without it. One file per Node version
 * and architecture, in dist-cli/ when that is writable, else in the user's cache folder (a
 * read-only install); written atomically (temporary file, rename) and only when something new was
 * compiled, at exit, with the functions that run compiled too (script.createCachedData()).
 *
 * The same file remembers where each require() of these modules led (parent folder + request →
 * file), as long as package.json, package-lock.json and node_modules/.package-lock.json (which
 * npm rewrites at every install) are unchanged and the file is still there. A package changed by
 * hand inside node_modules, without npm, can go unnoticed: XXGK_NO_CODE_CACHE=1 runs without both.
 */
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
/** Node's CommonJS loader, internals included (_compile, _resolveFilename …: not in @types/node). */
const Module = /** @type {any} */ (require("node:module"));
const path = require("node:path");
const vm = require("node:vm");
const { cacheFolder } = require("./cacheFolder.js");

const MAGIC = "xxgk-v8-cache-2";
/** import( as a call, not the end of a longer name (esbuild's init_import(), obj.import()). */
const DYNAMIC_IMPORT = /(?<![\w$.])import\s*\(/g;

/**
 * Whether a module may call import(): any import( outside lines that are plainly comments (a line
 * starting with //, /* or *, as docx's JSDoc prose "a package import (`w:altChunk`)"). When in
 * doubt it answers yes, which only costs the cache for that module.
 */
function mayImport(content) {
  DYNAMIC_IMPORT.lastIndex = 0;
  for (let m; (m = DYNAMIC_IMPORT.exec(content));) {
    const lineStart = content.lastIndexOf("\n", m.index) + 1;
    if (!/^\s*(\/\/|\/\*|\*)/.test(content.slice(lineStart, m.index))) return true;
  }
  return false;
}

/** The cache file, in the CLI's cache folder (scripts/cacheFolder.js). */
function cacheFile(root, outDir) {
  return path.join(cacheFolder(root, outDir), `v8-${process.version}-${process.arch}.bin`);
}

/**
 * What decides where a require() leads: the project's package.json and lock file, and the lock
 * file npm writes into node_modules at every install. Remembered resolutions hold only while
 * these are as they were (any install, update or removal of a package forgets them all).
 */
function installStamp(root) {
  const mtime = (f) => {
    const st = fs.statSync(path.join(root, f), { throwIfNoEntry: false });
    return st ? st.mtimeMs : 0;
  };
  return [process.version, mtime("package.json"), mtime("package-lock.json"), mtime(path.join("node_modules", ".package-lock.json"))].join(":");
}

/**
 * A cache file: compiled entries (path → {hash, data}) and remembered resolutions (parent folder
 * + request → file), the latter only when `stamp` matches. A missing or damaged file gives none.
 */
function readCache(file, stamp) {
  const entries = new Map();
  const resolved = new Map();
  try {
    const buf = fs.readFileSync(file);
    const headLen = buf.readUInt32LE(0);
    const head = JSON.parse(buf.toString("utf8", 4, 4 + headLen));
    if (head.magic !== MAGIC || !Array.isArray(head.entries)) return { entries, resolved };
    let at = 4 + headLen;
    for (const [filename, hash, length] of head.entries) {
      if (at + length > buf.length) break;
      entries.set(filename, { hash, data: buf.subarray(at, at + length) });
      at += length;
    }
    if (head.stamp === stamp && Array.isArray(head.resolved)) {
      for (const pair of head.resolved) if (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string") resolved.set(pair[0], pair[1]);
    }
  } catch {
    /* absent or damaged: start empty */
  }
  return { entries, resolved };
}

function writeCache(file, entries, stamp, resolved) {
  const list = [...entries];
  const head = Buffer.from(
    JSON.stringify({ magic: MAGIC, entries: list.map(([f, e]) => [f, e.hash, e.data.length]), stamp, resolved: [...resolved] }),
  );
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length, 0);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, Buffer.concat([len, head, ...list.map(([, e]) => e.data)]), { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** require() for a module compiled here, as Node builds it for its own modules. */
function makeRequire(mod) {
  const req = (id) => mod.require(id);
  req.resolve = (request, options) => Module._resolveFilename(request, mod, false, options);
  req.resolve.paths = (request) => Module._resolveLookupPaths(request, mod);
  req.main = process.mainModule;
  req.extensions = Module._extensions;
  req.cache = Module._cache;
  return req;
}

/**
 * Compile CommonJS modules under `root` with the cache from now on. `outDir` is the compiled
 * CLI's folder (relative to root), where the cache goes when it can.
 */
function installCodeCache(root, outDir) {
  if (process.env.XXGK_NO_CODE_CACHE) return;
  const file = cacheFile(root, outDir);
  const stamp = installStamp(root);
  const { entries: cached, resolved } = readCache(file, stamp);
  /** Scripts compiled this run without a usable cache entry: written at exit. */
  const fresh = new Map();
  let resolvedNew = false;
  const prefix = root + path.sep;

  // Resolving a require() walks folders, reads package.json files and their "exports": ~5 % of an
  // `export --pdf` (pdfmake, pdfkit and fontkit make ~150 requires). A resolution made by an
  // earlier run with the same installStamp, whose file is still there, is used as it was.
  const originalResolve = Module._resolveFilename;
  Module._resolveFilename = function resolveFilename(request, parent, isMain, options) {
    const from = parent && typeof parent.filename === "string" ? parent.filename : null;
    if (options || !from || !from.startsWith(prefix) || typeof request !== "string" || Module.isBuiltin(request)) {
      return originalResolve.apply(this, arguments);
    }
    const key = `${path.dirname(from)}\0${request}`;
    const known = resolved.get(key);
    if (known !== undefined) {
      const st = fs.statSync(known, { throwIfNoEntry: false });
      if (st && st.isFile()) return known;
    }
    const filename = originalResolve.apply(this, arguments);
    if (typeof filename === "string" && filename.startsWith(prefix) && filename !== known) {
      resolved.set(key, filename);
      resolvedNew = true;
    }
    return filename;
  };

  const original = Module.prototype._compile;
  Module.prototype._compile = function compile(content, filename, format) {
    // Left to Node: modules outside the package; ES modules (require() of ESM, Node 20.19+, passes
    // format "module"; .mjs); and modules with import(), as a vm.Script has no working import()
    // callback here.
    const own = filename.startsWith(prefix) && !filename.endsWith(".mjs") && (format === undefined || format === "commonjs");
    if (!own || typeof content !== "string" || mayImport(content)) return original.apply(this, arguments);
    const hash = createHash("sha1").update(content).digest("base64");
    const hit = cached.get(filename);
    let script;
    try {
      script = new vm.Script(Module.wrap(content), { filename, cachedData: hit && hit.hash === hash ? hit.data : undefined });
    } catch {
      // Not CommonJS after all (ES module syntax Node would detect) or a syntax error: Node's own
      // compiler decides, with its own message. Nothing has run yet.
      return original.apply(this, arguments);
    }
    if (!hit || hit.hash !== hash || script.cachedDataRejected) fresh.set(filename, { hash, script });
    const fn = script.runInThisContext({ displayErrors: true });
    return fn.call(this.exports, this.exports, makeRequire(this), this, filename, path.dirname(filename));
  };
  process.once("exit", () => {
    if (fresh.size === 0 && !resolvedNew) return;
    try {
      for (const [filename, { hash, script }] of fresh) cached.set(filename, { hash, data: script.createCachedData() });
      writeCache(file, cached, stamp, resolved);
    } catch {
      /* a read-only or full disk: the next run compiles as this one did */
    }
  });
}

module.exports = { installCodeCache, mayImport };

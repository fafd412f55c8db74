/**
 * Node only (CLI): entries put into Node's CommonJS module cache ahead of the packages that require
 * them: a replacement (inflateNode.ts) or a module loaded only when first used (deferredNode.ts).
 */
import Module, { createRequire } from "node:module";

const cache = (Module as unknown as { _cache: Record<string, Module> })._cache;

/** `file` answers every require() with `exports` from now on, unless something already loaded it. */
export function cacheModule(file: string, exports: unknown): void {
  if (cache[file]) return;
  const m = new Module(file);
  m.filename = file;
  m.exports = exports;
  m.loaded = true;
  cache[file] = m;
}

/** The module at `file` is loaded on first use (a property read or a call), not when required. */
export function deferModule(file: string): void {
  let real: object | undefined;
  const load = (): object => {
    if (real === undefined) {
      delete cache[file];
      real = createRequire(file)(file) as object;
    }
    return real;
  };
  const exportsProxy = new Proxy(function deferred() {}, {
    get: (_t, key) => Reflect.get(load(), key),
    has: (_t, key) => Reflect.has(load(), key),
    apply: (_t, self, args: unknown[]) => Reflect.apply(load() as (...a: unknown[]) => unknown, self, args),
    construct: (_t, args: unknown[]) => Reflect.construct(load() as new (...a: unknown[]) => object, args),
  });
  cacheModule(file, exportsProxy);
}

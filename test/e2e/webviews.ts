/**
 * What the old Office webviews lack, in one place: the e2e takes each of these away in Chromium
 * before any page script runs (page.addInitScript), so the bundles must bring their own or not use
 * it. A new API the pane or a library starts to use is added here once, for both webviews.
 *
 *   EdgeHTML 18 (Office 2019 retail; Office 2021/2024/Microsoft 365 on Windows 10 without WebView2):
 *     ES2017 and the web platform of late 2018.
 *   Trident / IE11 (Office 2016/2019 volume-licensed): ES5 plus a few ES2015 pieces (Map, Set,
 *     WeakMap without iterables), no modules, no fetch, an older DOM.
 *
 * Sources: the MDN browser-compat-data tables for each API (Edge 18 / IE 11 columns).
 * Chromium is neither engine: this proves that the bundles do not rely on these APIs, not that
 * they run on Trident or EdgeHTML (docs/hosts.md lists what is still unverified).
 */
import type { Page } from "playwright-core";

/** A property to delete: `owner` is a path from the global object ("" = the global itself). */
export type Missing = readonly [owner: string, name: string];

/** What a RegExp constructor of the engine rejects in patterns built from strings. */
export interface RegExpLimits {
  flags: string;
  lookbehind: boolean;
  namedGroups: boolean;
  unicodeProperties: boolean;
}

export interface Webview {
  id: "edgehtml18" | "ie11";
  /** The workbench page and query that simulate the Office build running this webview. */
  page: string;
  missing: readonly Missing[];
  regexp: RegExpLimits;
  /** Whether `new URL(…)` works (IE11 has URL only for createObjectURL/revokeObjectURL). */
  urlConstructor: boolean;
}

const G = "";
const many = (owner: string, names: string[]): Missing[] => names.map((n) => [owner, n] as const);

/** Missing in EdgeHTML 18 (and so in IE11 as well). */
const EDGE18_MISSING: Missing[] = [
  ...many(G, ["globalThis", "queueMicrotask", "structuredClone", "TextDecoder", "TextEncoder", "BroadcastChannel", "ResizeObserver"]),
  ...many("Object", ["fromEntries", "hasOwn", "groupBy"]),
  ...many("Array.prototype", ["flat", "flatMap", "at", "findLast", "findLastIndex", "toSorted", "toReversed", "toSpliced", "with"]),
  ...many("String.prototype", ["matchAll", "trimStart", "trimEnd", "replaceAll", "at"]),
  ...many("Promise", ["allSettled", "any"]),
  ...many("Blob.prototype", ["arrayBuffer", "text", "stream"]),
  ...many("Element.prototype", ["replaceChildren"]),
  ...many("Document.prototype", ["replaceChildren"]),
  ...many("DocumentFragment.prototype", ["replaceChildren"]),
  // ES2023+ built-ins the build never polyfills (scripts/polyfill-loader.js, NEWER_THAN_ES2022):
  // a library that calls one must fail here, not on a clerk's Office 2019.
  ...many("Iterator.prototype", ["map", "filter", "take", "drop", "flatMap", "reduce", "toArray", "forEach", "some", "every", "find"]),
  ...many("Set.prototype", ["union", "intersection", "difference", "symmetricDifference", "isSubsetOf", "isSupersetOf", "isDisjointFrom"]),
  ...many("Uint8Array.__proto__.prototype", ["findLast", "findLastIndex", "toReversed", "toSorted", "with"]),
  ...many("Uint8Array", ["fromBase64", "fromHex"]),
  ...many("Uint8Array.prototype", ["toBase64", "toHex", "setFromBase64", "setFromHex"]),
  ...many("ArrayBuffer.prototype", ["transfer", "transferToFixedLength", "detached"]),
  ...many("Map", ["groupBy"]),
  ...many("Promise", ["withResolvers", "try"]),
  ...many("String.prototype", ["isWellFormed", "toWellFormed"]),
  ...many("Array", ["fromAsync"]),
  ...many(G, ["Iterator"]),
];

/** Missing in IE11 besides what EdgeHTML 18 lacks: the ES2015+ library, fetch and the newer DOM. */
const IE11_MISSING: Missing[] = [
  ...EDGE18_MISSING,
  ...many(G, ["fetch", "URLSearchParams", "Headers", "Request", "Response", "AbortController"]),
  // Object.is stays: Playwright's own code evaluates in the page with it (page.evaluate).
  ...many("Object", ["assign", "entries", "values", "getOwnPropertyDescriptors"]),
  ...many("Array", ["from", "of"]),
  ...many("Array.prototype", ["find", "findIndex", "fill", "includes", "copyWithin"]),
  ...many("String", ["fromCodePoint", "raw"]),
  ...many("String.prototype", ["normalize", "includes", "startsWith", "endsWith", "padStart", "padEnd", "repeat", "codePointAt"]),
  // Number.EPSILON and *_SAFE_INTEGER are non-configurable in V8: they cannot be taken away.
  ...many("Number", ["isInteger", "isFinite", "isNaN", "isSafeInteger", "parseFloat", "parseInt"]),
  ...many("Math", ["trunc", "sign", "log10", "log2", "cbrt", "hypot", "imul", "clz32", "fround", "expm1", "log1p"]),
  ...many("Promise.prototype", ["finally"]),
  ...many("Element.prototype", ["append", "prepend", "before", "after", "replaceWith", "remove", "closest", "toggleAttribute"]),
  ...many("CharacterData.prototype", ["remove", "before", "after", "replaceWith"]),
  ...many("Document.prototype", ["append", "prepend"]),
  ...many("DocumentFragment.prototype", ["append", "prepend"]),
  ...many("NodeList.prototype", ["forEach"]),
];

export const EDGEHTML18: Webview = {
  id: "edgehtml18",
  // Office 2019 retail: EdgeHTML 18 with ExcelApi up to 1.8; the modern (ES2017) build.
  page: "workbench.html?profile=office2019retail",
  missing: EDGE18_MISSING,
  regexp: { flags: "s", lookbehind: true, namedGroups: true, unicodeProperties: true },
  urlConstructor: true,
};

export const IE11: Webview = {
  id: "ie11",
  // Office 2019 volume-licensed: Trident with ExcelApi 1.7; the ES5 build.
  page: "workbench-legacy.html?profile=office2019vl",
  missing: IE11_MISSING,
  regexp: { flags: "usy", lookbehind: true, namedGroups: true, unicodeProperties: true },
  urlConstructor: false,
};

export const WEBVIEWS: readonly Webview[] = [EDGEHTML18, IE11];

/**
 * Runs in the page before its scripts: deletes every `missing` property and replaces RegExp by a
 * constructor that throws SyntaxError, as the engine does, on what it cannot parse. Regex literals
 * are parsed by V8 and never reach it: the build-time scan (test/build/regexScan) covers those.
 * Worker takes no options (no module workers in either engine).
 * Records in window.__webview which properties could not be removed (the test fails on any).
 */
function takeAway(spec: { missing: Array<[string, string]>; regexp: RegExpLimits; urlConstructor: boolean }): void {
  const g = window as unknown as Record<string, unknown>;
  const resolve = (path: string): Record<string, unknown> | undefined => {
    let o: unknown = g;
    for (const part of path ? path.split(".") : []) o = o == null ? undefined : (o as Record<string, unknown>)[part];
    return o as Record<string, unknown> | undefined;
  };
  const kept: string[] = [];
  // The rest first, the global itself last: the paths go through globals such as Blob.
  const ordered = [...spec.missing.filter(([o]) => o !== ""), ...spec.missing.filter(([o]) => o === "")];
  for (const [owner, name] of ordered) {
    const o = resolve(owner);
    if (!o) continue;
    try {
      delete o[name];
    } catch {
      /* reported below */
    }
    if (name in o) kept.push(`${owner || "window"}.${name}`);
  }

  const Native = RegExp;
  const limits = spec.regexp;
  const refuse = (what: string, source: string) => {
    throw new SyntaxError(`Invalid regular expression: /${source}/: ${what} (simulated webview)`);
  };
  const check = (pattern: unknown, flags: unknown) => {
    const source = pattern instanceof Native ? pattern.source : pattern === undefined ? "" : String(pattern);
    const f = flags !== undefined ? String(flags) : pattern instanceof Native ? pattern.flags : "";
    // indexOf, not includes: the page's String.prototype.includes may be gone by now.
    for (const c of f) if (limits.flags.indexOf(c) >= 0) refuse(`flag ${c}`, source);
    if (limits.lookbehind && /\(\?<[=!]/.test(source)) refuse("lookbehind", source);
    if (limits.namedGroups && (/\(\?<[^=!]/.test(source) || /\\k</.test(source))) refuse("named group", source);
    if (limits.unicodeProperties && f.indexOf("u") >= 0 && /\\[pP]\{/.test(source)) refuse("unicode property escape", source);
  };
  const Limited: RegExpConstructor = new Proxy(Native, {
    construct(target, args, newTarget): object {
      check(args[0], args[1]);
      return Reflect.construct(target, args, newTarget === Limited ? target : newTarget) as object;
    },
    apply(target, self, args) {
      check(args[0], args[1]);
      return Reflect.apply(target, self, args) as unknown;
    },
  });
  g.RegExp = Limited;

  // Neither engine reads Worker's second argument ({ type: "module" }): it loads a classic script.
  const NativeWorker = g.Worker as typeof Worker;
  const ClassicOnly: typeof Worker = new Proxy(NativeWorker, {
    construct(target, args, newTarget): object {
      return Reflect.construct(target, [args[0]], newTarget === ClassicOnly ? target : newTarget) as object;
    },
  });
  g.Worker = ClassicOnly;

  // IE11's URL is an object with createObjectURL and revokeObjectURL, not a constructor: `new URL()`
  // throws there. core-js's URL, where a bundle brings it, replaces this one (its own feature test).
  if (!spec.urlConstructor) {
    const NativeURL = g.URL as typeof URL;
    const TridentURL = function URL(): never {
      throw new TypeError("Object doesn't support this action (simulated webview)");
    } as unknown as Record<string, unknown>;
    TridentURL.createObjectURL = NativeURL.createObjectURL.bind(NativeURL);
    TridentURL.revokeObjectURL = NativeURL.revokeObjectURL.bind(NativeURL);
    g.URL = TridentURL;
  }
  g.__webview = { kept };
}

/** Makes `page` the given webview for every document it loads from now on. */
export async function simulate(page: Page, webview: Webview): Promise<void> {
  await page.addInitScript(takeAway, { missing: webview.missing.map(([o, n]) => [o, n] as [string, string]), regexp: webview.regexp, urlConstructor: webview.urlConstructor });
}

/** The properties the simulation could not take away in the loaded page (should be none). */
export function kept(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __webview: { kept: string[] } }).__webview.kept);
}

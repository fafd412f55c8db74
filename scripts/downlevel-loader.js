/**
 * webpack loader, run after ts-loader, for what TypeScript does not down-level:
 *   - Unicode property escapes (\p{L}, \P{N}: ES2018 regex syntax, which EdgeHTML 18 and IE11
 *     cannot parse) become explicit character ranges, computed here with Node's own regex engine;
 *   - ES5 (`{ target: "es5" }`): the `u` flag goes (IE11 has none) when the pattern is BMP-only,
 *     so it means the same; \p ranges are then BMP-only (an astral letter splits into two
 *     surrogates, which the pane's label matching treats as separators; documented);
 *   - ES5: a duplicate key in an object literal (a SyntaxError in ES5 strict code; fontkit has
 *     one) keeps only its last, effective, value when the earlier one is side-effect free.
 *   - patterns built from constant strings (`new RegExp("…", "u")`) are rewritten the same way by
 *     regexpu-core (scripts/regex-constructor.js);
 * Anything else a target cannot parse (the `s` or `y` flag on ES5, lookbehind, named groups)
 * stops the build with the module's name instead of shipping a bundle that will not parse.
 * Regex literals are found with acorn's tokenizer, never by pattern matching on source text.
 */
"use strict";
const acorn = require("acorn");
const { constructedRegexEdits } = require("./regex-constructor");

const rangeCache = new Map();

/** Code point ranges [from, to] matching `escape` (e.g. "\\p{L}"), up to `max`. */
function rangesOf(escape, max) {
  const key = `${escape}|${max}`;
  if (rangeCache.has(key)) return rangeCache.get(key);
  const re = new RegExp(`^${escape}$`, "u");
  const ranges = [];
  let start = -1;
  for (let cp = 0; cp <= max + 1; cp++) {
    const surrogate = cp >= 0xd800 && cp <= 0xdfff;
    const hit = cp <= max && !surrogate && re.test(String.fromCodePoint(cp));
    if (hit && start < 0) start = cp;
    else if (!hit && start >= 0) {
      ranges.push([start, cp - 1]);
      start = -1;
    }
  }
  rangeCache.set(key, ranges);
  return ranges;
}

function hex(cp, astral) {
  if (cp > 0xffff) {
    if (!astral) throw new Error("astral code point without the u flag");
    return `\\u{${cp.toString(16).toUpperCase()}}`;
  }
  return `\\u${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

function classBody(ranges, astral) {
  return ranges.map(([a, b]) => (a === b ? hex(a, astral) : `${hex(a, astral)}-${hex(b, astral)}`)).join("");
}

/** The pattern with \p{…}/\P{…} expanded. */
function expandProperties(pattern, { bmpOnly }) {
  const max = bmpOnly ? 0xffff : 0x10ffff;
  let out = "";
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const m = /^\\([pP])\{([^}]+)\}/.exec(pattern.slice(i));
      if (m) {
        const body = classBody(rangesOf(m[0], max), !bmpOnly);
        out += inClass ? body : `[${body}]`;
        i += m[0].length - 1;
        continue;
      }
      out += pattern.slice(i, i + 2);
      i++;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** A regex literal's source for the target, or throws with the reason. */
function downlevelRegex(pattern, flags, es5) {
  let p = pattern;
  if (/\\[pP]\{/.test(p)) p = expandProperties(p, { bmpOnly: es5 });
  if (/\(\?<[=!]/.test(p)) throw new Error(`lookbehind is not ES2017: /${pattern}/${flags}`);
  if (/\(\?<[A-Za-z_$]|\\k</.test(p)) throw new Error(`named groups are not ES2017: /${pattern}/${flags}`);
  let f = flags;
  if (f.includes("s")) throw new Error(`the s flag is not ES2017: /${pattern}/${flags}`);
  if (es5) {
    if (f.includes("y")) throw new Error(`the y flag is not ES5: /${pattern}/${flags}`);
    if (f.includes("u")) {
      if (/\\u\{|[\ud800-\udfff]/.test(p)) throw new Error(`an astral pattern needs the u flag, which ES5 lacks: /${pattern}/${flags}`);
      f = f.replace("u", "");
    }
  }
  if (p === pattern && f === flags) return null;
  // The rewritten literal must still be a valid regex for the engine it targets.
  new RegExp(p, f);
  return `/${p}/${f}`;
}

/** Side-effect-free expressions whose earlier duplicate may be dropped. */
function pure(node) {
  if (!node) return false;
  if (node.type === "Literal" || node.type === "Identifier" || node.type === "ThisExpression") return true;
  if (node.type === "MemberExpression") return !node.computed && pure(node.object);
  if (node.type === "UnaryExpression") return pure(node.argument);
  return false;
}

function keyName(prop) {
  if (prop.type !== "Property" || prop.computed || prop.kind !== "init") return null;
  if (prop.key.type === "Identifier") return prop.key.name;
  if (prop.key.type === "Literal") return String(prop.key.value);
  return null;
}

/** Edits ([start, end, text]) that remove earlier duplicate keys of object literals. */
function duplicateKeyEdits(ast, resourcePath) {
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "ObjectExpression") {
      const last = new Map();
      node.properties.forEach((p, i) => {
        const k = keyName(p);
        if (k !== null) last.set(k, i);
      });
      node.properties.forEach((p, i) => {
        const k = keyName(p);
        if (k === null || last.get(k) === i) return;
        if (!pure(p.value)) throw new Error(`${resourcePath}: duplicate key "${k}" with a side effect; cannot make it ES5`);
        const next = node.properties[i + 1];
        edits.push([p.start, next.start, ""]);
      });
    }
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v.type === "string") visit(v);
    }
  };
  visit(ast);
  return edits;
}

/** acorn options for a module, or for a sloppy-mode script (some CommonJS packages). */
function parseAny(source, fn) {
  const base = { ecmaVersion: "latest", allowHashBang: true, allowReturnOutsideFunction: true };
  try {
    return fn({ ...base, sourceType: "module" });
  } catch {
    return fn({ ...base, sourceType: "script" });
  }
}

function downlevel(source, { es5, resourcePath }) {
  const maybeRegex = /\\[pP]\{/.test(source) || (es5 && /\/[gimsuy]*[usy][gimsuy]*/.test(source)) || /\(\?<[=!A-Za-z_$]/.test(source);
  const edits = [];
  if (maybeRegex) {
    const tokens = parseAny(source, (o) => [...acorn.tokenizer(source, o)]);
    for (const t of tokens) {
      if (t.type.label !== "regexp") continue;
      let replacement;
      try {
        replacement = downlevelRegex(t.value.pattern, t.value.flags, es5);
      } catch (e) {
        throw new Error(`${resourcePath}: ${e.message}`, { cause: e });
      }
      if (replacement) edits.push([t.start, t.end, replacement]);
    }
  }
  const constructed = /\bRegExp\(/.test(source);
  if (es5 || constructed) {
    const ast = parseAny(source, (o) => acorn.parse(source, o));
    if (es5) edits.push(...duplicateKeyEdits(ast, resourcePath));
    if (constructed) {
      try {
        edits.push(...constructedRegexEdits(ast, es5));
      } catch (e) {
        throw new Error(`${resourcePath}: ${e.message}`, { cause: e });
      }
    }
  }
  if (edits.length === 0) return source;
  edits.sort((a, b) => b[0] - a[0]);
  let out = source;
  for (const [start, end, text] of edits) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

module.exports = function downlevelLoader(source, map) {
  const { target } = this.getOptions();
  const es5 = String(target).toLowerCase() === "es5";
  try {
    const out = downlevel(source, { es5, resourcePath: this.resourcePath });
    // Edits keep every line, so the source map stays right by line (columns may shift).
    this.callback(null, out, map);
  } catch (e) {
    this.callback(e);
  }
};
module.exports.downlevel = downlevel;
module.exports.downlevelRegex = downlevelRegex;

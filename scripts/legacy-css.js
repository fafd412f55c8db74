/**
 * The stylesheet for IE11 (Trident), which ignores every declaration that uses a CSS custom
 * property: the same file with each var(--…) replaced by its light-theme value, and the custom
 * property declarations dropped. Generated at build time (webpack.config.js), never forked by hand.
 * The light theme is the first definition of each property in the file (taskpane.css defines
 * `:root, [data-theme="light"]` before `[data-theme="dark"]`); IE11 gets the light theme only.
 */
"use strict";

const DECLARATION = /(^|[;{\s])(--[\w-]+)\s*:\s*([^;{}]*?)\s*(?=;|})/g;

/** The first value of each custom property, in file order. */
function lightValues(css) {
  const values = new Map();
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(DECLARATION)) {
    if (!values.has(m[2])) values.set(m[2], m[3]);
  }
  return values;
}

/** `value` with every var() resolved (nested and with fallbacks); throws on an unknown property. */
function resolve(value, values, seen = []) {
  let out = "";
  let i = 0;
  for (;;) {
    const at = value.indexOf("var(", i);
    if (at < 0) return out + value.slice(i);
    out += value.slice(i, at);
    // Find the matching parenthesis: fallbacks may hold var() or rgba().
    let depth = 0;
    let end = at + 3;
    for (; end < value.length; end++) {
      if (value[end] === "(") depth++;
      else if (value[end] === ")" && --depth === 0) break;
    }
    const inner = value.slice(at + 4, end);
    const comma = inner.indexOf(",");
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? null : inner.slice(comma + 1).trim();
    if (seen.includes(name)) throw new Error(`legacy-css: ${name} refers to itself`);
    if (values.has(name)) out += resolve(values.get(name), values, [...seen, name]);
    else if (fallback !== null) out += resolve(fallback, values, seen);
    else throw new Error(`legacy-css: ${name} has no value in the light theme`);
    i = end + 1;
  }
}

/**
 * The IE11 stylesheet for `css`. `inherited`: the light values of a stylesheet loaded before it
 * (workbench.css uses taskpane.css's tokens).
 */
function legacyCss(css, inherited = new Map()) {
  const values = new Map([...inherited, ...lightValues(css)]);
  const withoutDefinitions = css.replace(/\s*--[\w-]+\s*:[^;{}]*;?/g, "");
  // Only declaration values hold var(); resolve each one.
  return withoutDefinitions.replace(/([\w-]+\s*:\s*)([^;{}]*var\([^;{}]*)(?=[;}])/g, (_, prop, value) => prop + resolve(value, values));
}

module.exports = { legacyCss, lightValues };

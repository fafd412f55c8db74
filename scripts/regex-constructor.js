/**
 * Regular expressions built from strings (`new RegExp("…", "u")`), which regex-literal rewriting
 * cannot see: where the pattern is a constant of the same module (string literals, `+`, template
 * literals without expressions, and names or `obj.name` members assigned such a constant in an
 * enclosing function, as in xmlchars inside ExcelJS or the docx library), regexpu-core rewrites it
 * at build time for the target: ES5 loses the u and s flags (astral ranges become surrogate
 * pairs, \p{…} explicit ranges, `.` with s becomes [\s\S]); ES2017 keeps u but loses \p{…} and s.
 * Patterns that are not constant are left alone: the bundle scan (test/build/regexScan.test.ts)
 * fails the build's test if one with syntax the target lacks reaches an emitted bundle.
 */
"use strict";
/** @type {(pattern: string, flags: string, options: object) => string} */
const rewritePattern = /** @type {any} */ (require("regexpu-core"));

const OPTIONS = {
  es5: { unicodeFlag: "transform", unicodePropertyEscapes: "transform", dotAllFlag: "transform", unicodeSetsFlag: "transform" },
  es2017: { unicodePropertyEscapes: "transform", dotAllFlag: "transform" },
};

function isFunction(node) {
  return node.type === "FunctionDeclaration" || node.type === "FunctionExpression" || node.type === "ArrowFunctionExpression" || node.type === "Program";
}

/** `name` or `obj.name` as a lookup key, or null. */
function keyOf(node) {
  if (node.type === "Identifier") return node.name;
  if (node.type === "MemberExpression" && !node.computed && node.object.type === "Identifier" && node.property.type === "Identifier") return `${node.object.name}.${node.property.name}`;
  return null;
}

/** Walks `node` calling visit(node, scopes) with the chain of enclosing functions (innermost last). */
function walk(node, scopes, visit) {
  if (!node || typeof node.type !== "string") return;
  const inner = isFunction(node) ? [...scopes, node] : scopes;
  visit(node, inner);
  for (const key of Object.keys(node)) {
    const v = node[key];
    if (Array.isArray(v)) for (const c of v) walk(c, inner, visit);
    else if (v && typeof v.type === "string") walk(v, inner, visit);
  }
}

/** Edits ([start, end, text]) that replace constant string-built patterns with their down-levelled form. */
function constructedRegexEdits(ast, es5) {
  // Per function: name → [initialiser expression, enclosing scopes] (null once assigned twice).
  const constants = new Map();
  const record = (scope, key, expr, scopes) => {
    if (!key) return;
    if (!constants.has(scope)) constants.set(scope, new Map());
    const m = constants.get(scope);
    m.set(key, m.has(key) ? null : { expr, scopes });
  };
  walk(ast, [], (node, scopes) => {
    const scope = scopes[scopes.length - 1];
    if (node.type === "VariableDeclarator" && node.init) record(scope, keyOf(node.id), node.init, scopes);
    else if (node.type === "AssignmentExpression" && node.operator === "=") record(scope, keyOf(node.left), node.right, scopes);
  });
  const lookup = (key, scopes) => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const m = constants.get(scopes[i]);
      if (m && m.has(key)) return m.get(key);
    }
    return null;
  };
  const fold = (node, scopes, depth = 0) => {
    if (!node || depth > 50) return null;
    if (node.type === "Literal" && typeof node.value === "string") return node.value;
    if (node.type === "TemplateLiteral" && node.expressions.length === 0) return node.quasis[0].value.cooked;
    if (node.type === "BinaryExpression" && node.operator === "+") {
      const l = fold(node.left, scopes, depth + 1);
      const r = l === null ? null : fold(node.right, scopes, depth + 1);
      return l === null || r === null ? null : l + r;
    }
    const key = keyOf(node);
    const hit = key && lookup(key, scopes);
    return hit ? fold(hit.expr, hit.scopes, depth + 1) : null;
  };

  const options = es5 ? OPTIONS.es5 : OPTIONS.es2017;
  const drop = es5 ? /[su]/g : /s/g;
  const edits = [];
  walk(ast, [], (node, scopes) => {
    if ((node.type !== "NewExpression" && node.type !== "CallExpression") || node.callee.type !== "Identifier" || node.callee.name !== "RegExp") return;
    const [patternArg, flagsArg] = node.arguments;
    if (!patternArg || !flagsArg || flagsArg.type !== "Literal" || typeof flagsArg.value !== "string") return;
    const flags = flagsArg.value;
    const needsWork = es5 ? /[su]/.test(flags) : /s/.test(flags) || /u/.test(flags);
    if (!needsWork) return;
    const pattern = fold(patternArg, scopes);
    if (pattern === null) return;
    if (!es5 && !/s/.test(flags) && !/\\[pP]\{/.test(pattern)) return;
    const rewritten = rewritePattern(pattern, flags, options);
    const newFlags = flags.replace(drop, "");
    // Still a valid pattern for an engine without those flags.
    new RegExp(rewritten, newFlags);
    edits.push([patternArg.start, patternArg.end, JSON.stringify(rewritten)], [flagsArg.start, flagsArg.end, JSON.stringify(newFlags)]);
  });
  return edits;
}

module.exports = { constructedRegexEdits };

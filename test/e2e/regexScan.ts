/**
 * Regular expressions in an emitted bundle that an old engine would reject: regex literals (parsed
 * by V8 whatever the simulation takes away) and `RegExp(…)` / `new RegExp(…)` calls whose flags or
 * constant parts of the pattern use syntax the target lacks. A pattern's non-constant parts are
 * unknown and skipped; a constructor reached through an alias (core-js's feature tests) is not seen.
 * Through the constructor, core-js's RegExp wrapper (injected by usage) emulates the s and y flags
 * and named groups; nothing emulates u on IE11, lookbehind or \p{…}.
 */
import { parse } from "acorn";

export interface RegexLevel {
  /** Flags the engine rejects in a literal. */
  flags: string;
  /** Flags nothing emulates in `RegExp(…, flags)`. */
  constructorFlags: string;
}

/** EdgeHTML 18 (ES2017) lacks the s flag; IE11 (ES5) also u and y. Neither has lookbehind, named groups or \p{…}. */
export const ES2017_REGEX: RegexLevel = { flags: "s", constructorFlags: "" };
export const ES5_REGEX: RegexLevel = { flags: "suy", constructorFlags: "u" };

/**
 * Constructor sites known never to run in the add-in, by the constant text of their pattern
 * (non-constant parts as \u0000). Each needs its reason.
 */
const UNREACHABLE: Array<{ pattern: string; why: string }> = [
  {
    // docx's placeholderPattern: only patchDocument/patchDetector call it; the add-in builds documents, never patches them.
    pattern: "(?<=\u0000)(?:(?!\u0000).)+?(?=\u0000)",
    why: "docx placeholderPattern (patchDocument only)",
  },
];

type Node = { type: string; start: number; [k: string]: unknown };

/** Static text of a pattern expression, with non-constant parts as "\u0000". */
function staticText(node: Node | undefined): string | null {
  if (!node) return null;
  if (node.type === "Literal" && typeof node.value === "string") return node.value;
  if (node.type === "Literal" && node.regex) return (node.regex as { pattern: string }).pattern;
  if (node.type === "TemplateLiteral") return (node.quasis as Array<{ value: { cooked: string } }>).map((q) => q.value.cooked).join("\u0000");
  if (node.type === "BinaryExpression" && node.operator === "+") return `${staticText(node.left as Node) ?? "\u0000"}${staticText(node.right as Node) ?? "\u0000"}`;
  return null;
}

function syntaxProblem(pattern: string, flags: string, rejected: string, namedGroups: boolean): string | null {
  const bad = [...flags].filter((f) => rejected.includes(f));
  if (bad.length) return `flag ${bad.join("")}`;
  if (/\(\?<[=!]/.test(pattern)) return "lookbehind";
  if (!namedGroups && /\(\?<[A-Za-z_$]|\\k</.test(pattern)) return "named group";
  if (/\\[pP]\{/.test(pattern) && flags.includes("u")) return "\\p{…}";
  return null;
}

/** Every offending regex in `code`: "offset: what: excerpt". */
export function unsupportedRegexes(code: string, level: RegexLevel): string[] {
  const out: string[] = [];
  const report = (node: Node, what: string) => out.push(`${node.start}: ${what}: ${code.slice(node.start, node.start + 80)}`);
  const visit = (node: Node) => {
    if (node.type === "Literal" && node.regex) {
      const { pattern, flags } = node.regex as { pattern: string; flags: string };
      const p = syntaxProblem(pattern, flags, level.flags, false);
      if (p) report(node, p);
    } else if ((node.type === "NewExpression" || node.type === "CallExpression") && (node.callee as Node).type === "Identifier" && (node.callee as { name: string }).name === "RegExp") {
      const [pattern, flags] = node.arguments as Node[];
      const f = flags && flags.type === "Literal" && typeof flags.value === "string" ? flags.value : "";
      const text = staticText(pattern) ?? "";
      const p = UNREACHABLE.some((u) => u.pattern === text) ? null : syntaxProblem(text, f, level.constructorFlags, true);
      if (p) report(node, p);
    }
    for (const key of Object.keys(node)) {
      const v = node[key];
      if (Array.isArray(v)) {
        for (const c of v) if (c && typeof c.type === "string") visit(c as Node);
      } else if (v && typeof (v as Node).type === "string") visit(v as Node);
    }
  };
  visit(parse(code, { ecmaVersion: "latest", sourceType: "script" }) as unknown as Node);
  return out;
}

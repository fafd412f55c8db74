/**
 * Node only (CLI, bench, tests): a text leaf measured again by a later layout pass of the same
 * document gets copies of what its first measuring gave, not a second measuring.
 *
 * Our pageBreakBefore rule (a heading never ends a page alone) makes pdfmake lay the whole
 * document out again on each "yes", and every pass measures every text leaf anew: each CJK
 * character split, styled (~25 style questions) and measured again (measured: 2 passes for a
 * 4-page report, 3 for Pingtan 2022). The measuring is reused only when it is certainly the same:
 * the same DocMeasure (same pdfkit document, fonts and style dictionary), the same node, the same
 * text (and the same text pieces, key by key), and the same answer to every style question the
 * measuring asks (named styles resolved), for the leaf and each of its pieces. Leaves that follow
 * a reference (table of contents, page or text references) are always measured again.
 * Layout then shifts inlines off `_inlines`, splits them and sets `x`, `width`, `text`,
 * `justifyShift`, `_pageNodeRef` on them: only their own keys, so each later pass gets shallow
 * copies of the inlines as they were right after measuring. test/document/measureOnce.test.ts
 * compares glyph positions, text and pixels with plain pdfmake on real reports.
 *
 * Not used by the add-in: its pdfmake is one prebuilt bundle whose classes this module cannot reach.
 */
import { createRequire } from "node:module";

type Obj = Record<string, unknown>;
interface Stack {
  clone(): Stack;
  push(item: unknown): void;
}
interface Leaf extends Obj {
  text: unknown;
  _inlines?: Obj[];
  _minWidth?: number;
  _maxWidth?: number;
}
interface DocMeasureClass {
  prototype: { measureLeaf(this: { styleStack: Stack }, node: Leaf): Leaf };
}
interface StackClass {
  getStyleProperty(item: unknown, stack: Stack, property: string, defaultValue: unknown): unknown;
}
/** Functions whose source says which style properties the measuring asks. */
type Source = { toString(): string };

const PATCHED = Symbol.for("xxgk.measureOnce");
/** Every style property pdfmake 0.3.11's buildInlines (TextBreaker.getBreaks, TextInlines.measure) asks. */
const PROPS = [
  "wordBreak",
  "noWrap",
  "leadingIndent",
  "font",
  "bold",
  "italics",
  "alignment",
  "fontSize",
  "fontFeatures",
  "characterSpacing",
  "color",
  "decoration",
  "decorationColor",
  "decorationStyle",
  "decorationThickness",
  "background",
  "link",
  "linkToPage",
  "linkToDestination",
  "opacity",
  "sup",
  "sub",
  "lineHeight",
  "preserveLeadingSpaces",
  "preserveTrailingSpaces",
];
/** Keys that make a text node or piece follow something laid out elsewhere. */
const REFERENCES = ["_textRef", "_pageRef", "_tocItemRef", "tocItem", "pageReference", "textReference"];

/** pdfmake's own classes, as its modules require them. */
export function pdfmakeMeasureClasses(): { docMeasure: DocMeasureClass; styleStack: StackClass; sources: Source[] } {
  const req = createRequire(require.resolve("pdfmake"));
  const cls = <T>(name: string) => (req(name) as { default: T }).default;
  const inlines = cls<{ prototype: { buildInlines: Source; measure: Source } }>("./TextInlines");
  const breaker = cls<{ prototype: { getBreaks: Source } }>("./TextBreaker");
  return {
    docMeasure: cls<DocMeasureClass>("./DocMeasure"),
    styleStack: cls<StackClass>("./StyleContextStack"),
    sources: [inlines.prototype.buildInlines, inlines.prototype.measure, breaker.prototype.getBreaks],
  };
}

/** The code this module was written against (pdfmake 0.3.11): else refuse. */
function checkShape(docMeasure: DocMeasureClass, styleStack: StackClass, sources: Source[]): void {
  const leaf = docMeasure.prototype?.measureLeaf as unknown;
  const asked = sources.flatMap((s) => [...String(s).matchAll(/getStyleProperty\([^,]*,\s*\w+,\s*'(\w+)'/g)].map((m) => m[1]!));
  const expected =
    typeof leaf === "function" &&
    typeof styleStack?.getStyleProperty === "function" &&
    [
      "node._textRef._textNodeRef.text",
      "this.styleStack.clone()",
      "styleStack.push(node)",
      "this.textInlines.buildInlines(node.text, styleStack)",
      "node._inlines = data.items",
      "node._minWidth = data.minWidth",
      "node._maxWidth = data.maxWidth",
    ].every((s) => String(leaf).includes(s)) &&
    sources.length === 3 &&
    asked.length > 20 &&
    asked.every((p) => PROPS.includes(p));
  if (!expected) throw new Error("pdfmake's DocMeasure or TextInlines is not the version measureOnceNode was written for");
}

/** A value compared later: primitives as they are, arrays of primitives copied; else undefined (not comparable). */
function kept(v: unknown): { v: unknown } | undefined {
  if (v === null || typeof v !== "object") return typeof v === "function" ? undefined : { v };
  if (Array.isArray(v) && v.every((x) => x === null || (typeof x !== "object" && typeof x !== "function"))) return { v: [...v] };
  return undefined;
}
const sameKept = (a: unknown, b: unknown) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Everything buildInlines reads, as comparable values: the text (each piece key by key) and every
 * style answer for the leaf and each piece. Undefined when something cannot be compared.
 */
function inputsOf(node: Leaf, stack: Stack, styles: StackClass): unknown[] | undefined {
  const out: unknown[] = [];
  const pieces: Obj[] = [{}];
  if (typeof node.text !== "string") {
    if (!Array.isArray(node.text)) return undefined;
    out.push(node.text.length);
    for (const piece of node.text as unknown[]) {
      if (typeof piece === "string") {
        out.push(piece);
        continue;
      }
      if (typeof piece !== "object" || piece === null || Array.isArray(piece)) return undefined;
      const p = piece as Obj;
      if (typeof p.text !== "string" || REFERENCES.some((k) => p[k] !== undefined)) return undefined;
      const keys = Object.keys(p);
      out.push(keys.length);
      for (const k of keys) {
        const value = kept(p[k]);
        if (!value) return undefined;
        out.push(k, value.v);
      }
      pieces.push(p);
    }
  }
  for (const piece of pieces) {
    for (const prop of PROPS) {
      const value = kept(styles.getStyleProperty(piece, stack, prop, undefined));
      if (!value) return undefined;
      out.push(value.v);
    }
  }
  return out;
}

interface Measured {
  text: unknown;
  inputs: unknown[];
  inlines: Obj[];
  minWidth: number | undefined;
  maxWidth: number | undefined;
}

export function installMeasureOnce(classes = pdfmakeMeasureClasses()): void {
  const { docMeasure, styleStack, sources } = classes;
  const proto = docMeasure.prototype as DocMeasureClass["prototype"] & { [PATCHED]?: true };
  if (proto?.[PATCHED]) return;
  checkShape(docMeasure, styleStack, sources);
  const original = proto.measureLeaf;
  // Per DocMeasure (one per layoutDocument: one pdfkit document, its fonts and styles), per node.
  const caches = new WeakMap<object, WeakMap<Leaf, Measured>>();
  proto.measureLeaf = function measureLeaf(node) {
    if (REFERENCES.some((k) => node[k] !== undefined)) return original.call(this, node);
    const stack = this.styleStack.clone();
    stack.push(node);
    const inputs = inputsOf(node, stack, styleStack);
    if (!inputs) return original.call(this, node);
    let cache = caches.get(this);
    if (!cache) caches.set(this, (cache = new WeakMap()));
    const before = cache.get(node);
    if (before && before.text === node.text && before.inputs.length === inputs.length && before.inputs.every((v, i) => sameKept(v, inputs[i]))) {
      node._inlines = before.inlines.map((inline) => ({ ...inline }));
      node._minWidth = before.minWidth;
      node._maxWidth = before.maxWidth;
      return node;
    }
    const measured = original.call(this, node);
    if (!Array.isArray(node._inlines)) return measured;
    cache.set(node, { text: node.text, inputs, inlines: node._inlines.map((inline) => ({ ...inline })), minWidth: node._minWidth, maxWidth: node._maxWidth });
    return measured;
  };
  proto[PATCHED] = true;
}

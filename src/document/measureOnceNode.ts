/**
 * Node only (CLI, bench, tests): a text leaf measured again by a later layout pass of the same
 * document gets copies of what its first measuring gave, not a second measuring.
 *
 * Our pageBreakBefore rule (a heading never ends a page alone) makes pdfmake lay the whole
 * document out again on each "yes", and every pass measures every text leaf anew: each CJK
 * character split, styled (~25 style questions) and measured again (measured: 2 passes for a
 * 4-page report, 3 for Pingtan 2022). The measuring is reused only when it is certainly the same:
 * the same DocMeasure (same pdfkit document, fonts and style dictionary), the same node, the same
 * text (and the same text pieces, key by key), and the same values, in every entry of the style
 * stack and every named style it reaches, of each style property the measuring asks (install
 * checks in pdfmake's source that it asks no other). Leaves that follow a reference (table of
 * contents, page or text references) are always measured again.
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
  styleDictionary?: Record<string, unknown>;
  defaultStyle?: Obj;
  styleOverrides: unknown[];
  clone(): Stack;
  push(item: unknown): void;
}
interface Leaf extends Obj {
  text: unknown;
  _inlines?: Obj[];
  _minWidth?: number;
  _maxWidth?: number;
}
type Measure = (this: { styleStack: Stack }, node: Leaf) => Leaf;
interface DocMeasureClass {
  prototype: { measureLeaf: Measure; measureDocument: Measure; measureBlock: Measure; measureTable: Measure };
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
export function pdfmakeMeasureClasses(): { docMeasure: DocMeasureClass; sources: Source[] } {
  const req = createRequire(require.resolve("pdfmake"));
  const cls = <T>(name: string) => (req(name) as { default: T }).default;
  const inlines = cls<{ prototype: { buildInlines: Source; measure: Source } }>("./TextInlines");
  const breaker = cls<{ prototype: { getBreaks: Source } }>("./TextBreaker");
  return {
    docMeasure: cls<DocMeasureClass>("./DocMeasure"),
    sources: [inlines.prototype.buildInlines, inlines.prototype.measure, breaker.prototype.getBreaks],
  };
}

/** The code this module was written against (pdfmake 0.3.11): else refuse. */
function checkShape(docMeasure: DocMeasureClass, sources: Source[]): void {
  const proto = docMeasure.prototype ?? {};
  const [leaf, table] = [String(proto.measureLeaf), String(proto.measureTable)];
  const asked = sources.flatMap((s) => [...String(s).matchAll(/getStyleProperty\([^,]*,\s*\w+,\s*'(\w+)'/g)].map((m) => m[1]!));
  const expected =
    [proto.measureLeaf, proto.measureDocument, proto.measureBlock, proto.measureTable].every((f) => typeof f === "function") &&
    [
      "node._textRef._textNodeRef.text",
      "this.styleStack.clone()",
      "styleStack.push(node)",
      "this.textInlines.buildInlines(node.text, styleStack)",
      "node._inlines = data.items",
      "node._minWidth = data.minWidth",
      "node._maxWidth = data.maxWidth",
    ].every((s) => leaf.includes(s)) &&
    // The table's layout functions (the document's code) run before its cells are measured.
    table.includes("getOffsets(node._layout)") &&
    table.indexOf("getOffsets(node._layout)") < table.indexOf("this.styleStack.auto(data") &&
    sources.length === 3 &&
    asked.length > 20 &&
    asked.every((p) => PROPS.includes(p));
  if (!expected) throw new Error("pdfmake's DocMeasure or TextInlines is not the version measureOnceNode was written for");
}

const NO_STYLE = {};
const primitive = (v: unknown) =>
  v === undefined || v === null || typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
/** Arrays compared element by element (as JSON, where undefined would read as null). */
const primitiveArray = (v: unknown): v is unknown[] => Array.isArray(v) && v.every((x) => x !== undefined && primitive(x));
/** A value compared later: primitives as they are, arrays of primitives copied; else undefined (not comparable). */
function kept(v: unknown): { v: unknown } | undefined {
  if (primitive(v)) return { v };
  if (primitiveArray(v)) return { v: [...v] };
  return undefined;
}
const sameKept = (a: unknown, b: unknown) => a === b || (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/** A style object's values of PROPS as one string (null and undefined alike: pdfmake treats both as unset), or null if not comparable. */
function valuesOf(o: Obj): string | null {
  const values: unknown[] = [];
  for (const p of PROPS) {
    const v = o[p];
    if (!primitive(v) && !primitiveArray(v)) return null;
    values.push(v);
  }
  return JSON.stringify(values);
}

/**
 * The style stack as comparable values: each entry (a named style: its definitions along
 * `extends`; an object: its values of PROPS), the dictionary and the default style.
 * Entries are shared by many leaves, so their values are kept for one generation: one call of
 * measureDocument, measureBlock or measureTable (the only one that runs the document's code,
 * its table layout functions, before measuring its cells), during which pdfmake sets no PROPS.
 */
class StackInputs {
  private generation = 0;
  private objects = new WeakMap<object, { generation: number; values: string | null }>();
  private names = new Map<string, string | null>();
  private dictionary: unknown;

  next(): void {
    this.generation++;
    this.names.clear();
  }

  /** The stack measureLeaf measures with: pdfmake's, with the node pushed on a copy. */
  add(stack: Stack, node: Leaf, out: unknown[]): boolean {
    if (stack.styleDictionary !== this.dictionary) {
      this.dictionary = stack.styleDictionary;
      this.names.clear();
    }
    out.push(stack.styleDictionary, this.object(stack.defaultStyle ?? NO_STYLE));
    for (const entry of stack.styleOverrides) {
      const values = typeof entry === "string" ? this.named(stack.styleDictionary, entry, new Set()) : this.object(entry);
      if (values === null) return false;
      // An object is asked only for PROPS: its values say all (the document's root is wrapped anew each pass).
      out.push(typeof entry === "string" ? entry : 0, values);
    }
    const values = this.object(node);
    out.push(values);
    return values !== null;
  }

  /** A named style's definitions, along its `extends`, as pdfmake's lookup reads them. */
  named(dictionary: Record<string, unknown> | undefined, name: string, seen: Set<string>): string | null {
    if (seen.has(name)) return `↺${name}`;
    const known = this.names.get(name);
    if (known !== undefined && seen.size === 0) return known;
    seen.add(name);
    const style = dictionary?.[name];
    let values: string | null;
    if (!style) values = "";
    else if (typeof style !== "object") values = null;
    else {
      const own = valuesOf(style as Obj);
      const ext = (style as Obj).extends;
      const parents = ext === undefined || ext === null ? [] : Array.isArray(ext) ? (ext as unknown[]) : [ext];
      const inherited = parents.map((p) => (typeof p === "string" ? this.named(dictionary, p, seen) : null));
      values = own === null || inherited.includes(null) ? null : JSON.stringify([own, parents, inherited]);
    }
    seen.delete(name);
    if (seen.size === 0) this.names.set(name, values);
    return values;
  }

  object(entry: unknown): string | null {
    if (typeof entry !== "object" || entry === null || Array.isArray(entry) || entry instanceof String) return null;
    const known = this.objects.get(entry);
    if (known && known.generation === this.generation) return known.values;
    const values = valuesOf(entry as Obj);
    this.objects.set(entry, { generation: this.generation, values });
    return values;
  }
}

/**
 * Everything buildInlines reads, as comparable values: the text (each piece key by key, and the
 * named styles a piece asks for) and the style stack. Undefined when something cannot be compared.
 */
function inputsOf(node: Leaf, stack: Stack, styles: StackInputs): unknown[] | undefined {
  const out: unknown[] = [];
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
      for (const name of p.style === undefined ? [] : Array.isArray(p.style) ? (p.style as unknown[]) : [p.style]) {
        const values = typeof name === "string" ? styles.named(stack.styleDictionary, name, new Set()) : null;
        if (values === null) return undefined;
        out.push(values);
      }
    }
  }
  return styles.add(stack, node, out) ? out : undefined;
}

interface Measured {
  text: unknown;
  inputs: unknown[];
  inlines: Obj[];
  minWidth: number | undefined;
  maxWidth: number | undefined;
}

export function installMeasureOnce(classes = pdfmakeMeasureClasses()): void {
  const { docMeasure, sources } = classes;
  const proto = docMeasure.prototype as DocMeasureClass["prototype"] & { [PATCHED]?: true };
  if (proto?.[PATCHED]) return;
  checkShape(docMeasure, sources);
  const styles = new StackInputs();
  for (const name of ["measureDocument", "measureBlock", "measureTable"] as const) {
    const measure = proto[name];
    proto[name] = function (node) {
      styles.next();
      return measure.call(this, node);
    };
  }
  const original = proto.measureLeaf;
  // Per DocMeasure (one per layoutDocument: one pdfkit document, its fonts and styles), per node.
  const caches = new WeakMap<object, WeakMap<Leaf, Measured>>();
  proto.measureLeaf = function measureLeaf(node) {
    if (REFERENCES.some((k) => node[k] !== undefined)) return original.call(this, node);
    const inputs = inputsOf(node, this.styleStack, styles);
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

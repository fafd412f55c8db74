/**
 * The one bounded markup reader (issue 25). A page is tokenised here, in one linear pass, into a
 * tree whose depth, element count and reading time are bounded; what node-html-parser gets is
 * that tree written out again in a form it builds exactly as written: every element closed
 * explicitly and in order, names lower-cased from a safe alphabet, "<" in text escaped, no
 * comments, scripts or styles. So the limits are judged on the tree the parser will build, and
 * the parser never meets unclosed or mismatched tags (<DIV></div>, <x_a></x_b>), which it
 * re-parents at the end in quadratic time.
 *
 * Why the two trees agree: node-html-parser closes an element implicitly only when a tag opens
 * inside it (its kElementsClosedByOpening table) and otherwise closes only the element a closing
 * tag names; CLOSED_BY_OPENING below contains its table, so by the time a tag opens every element
 * the parser would close has already been closed here, and each written closing tag names the
 * parser's current element. Void elements are the parser's own; every other empty element is
 * written with its closing tag.
 */
import { MarkupTooLarge, MAX_DEPTH, MAX_ELEMENTS, MAX_MARKUP_MS } from "./limits";

/** node-html-parser's void elements (9.x), written as "<br>"; it closes them at once. */
const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);
/** Void in HTML but not to the parser: written as an empty element, "<keygen></keygen>". */
const VOID_HTML_ONLY = new Set(["keygen", "command", "basefont", "frame", "isindex"]);
/** Elements whose content is never markup; dropped with their content (the reader skips them). */
const DROPPED = new Set(["script", "style", "noscript", "template", "iframe", "xmp", "noembed", "noframes", "plaintext"]);
/** Elements whose content is text up to their closing tag; kept as text. */
const TEXT_ONLY = new Set(["title", "textarea"]);
/**
 * Open element → tags whose opening closes it. node-html-parser's kElementsClosedByOpening (9.x),
 * plus the HTML rules the earlier check used (option, thead/tfoot).
 */
const CLOSED_BY_OPENING: Record<string, readonly string[]> = {
  li: ["li"],
  p: ["p", "div"],
  b: ["div"],
  td: ["td", "th", "tr", "thead", "tbody", "tfoot"],
  th: ["td", "th", "tr", "thead", "tbody", "tfoot"],
  tr: ["tr", "thead", "tbody", "tfoot"],
  thead: ["tbody", "tfoot"],
  tbody: ["thead", "tbody", "tfoot"],
  tfoot: ["thead", "tbody"],
  h1: ["h1"],
  h2: ["h2"],
  h3: ["h3"],
  h4: ["h4"],
  h5: ["h5"],
  h6: ["h6"],
  dt: ["dt", "dd"],
  dd: ["dt", "dd"],
  option: ["option"],
};
/** Attributes the reader uses; the rest are not written. */
const KEPT_ATTRIBUTES = new Set(["rowspan", "colspan", "name", "property", "content"]);

// Each pattern can match the empty string, so exec() from lastIndex always matches right there:
// sticky matching without the "y" flag, which the ES5 (IE11) pane build cannot parse.
const NAME = /[^\s/>]*/g;
/** An attribute as HTML reads one: its name may begin with "=" or a quote (a parse error, kept). */
const ATTRIBUTE = /(?:[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?)?/g;
const TAG_END = /[\s/]*(>)?/g;
/** Tokens between two looks at the clock. */
const CLOCK_EVERY = 4096;

/** What the reader knows of one page after the bounded pass. */
export interface BoundedMarkup {
  /** The page as balanced markup for node-html-parser. */
  html: string;
  elements: number;
  depth: number;
}

const escapeText = (s: string) => s.replace(/&(?![a-zA-Z#])/g, "&amp;").replace(/</g, "&lt;");
const escapeAttribute = (s: string) => s.replace(/&(?![a-zA-Z#])/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** A tag name node-html-parser reads as one name: ASCII letters, digits and - . : _ only. */
const safeName = (raw: string) => raw.toLowerCase().replace(/[^a-z0-9.:_-]/g, "_");

/**
 * The page as balanced, bounded markup. Throws MarkupTooLarge past MAX_DEPTH, MAX_ELEMENTS or
 * MAX_MARKUP_MS (`now` is the clock, for tests).
 */
export function boundMarkup(page: string, now: () => number = Date.now): BoundedMarkup {
  const deadline = now() + MAX_MARKUP_MS;
  const out: string[] = [];
  const stack: string[] = [];
  let elements = 0;
  let deepest = 0;
  let tokens = 0;
  const close = (down: number) => {
    while (stack.length > down) out.push(`</${stack.pop()!}>`);
  };
  let at = 0;
  const n = page.length;
  while (at < n) {
    if (++tokens % CLOCK_EVERY === 0 && now() > deadline) throw new MarkupTooLarge("time");
    const lt = page.indexOf("<", at);
    if (lt < 0) {
      out.push(escapeText(page.slice(at)));
      break;
    }
    if (lt > at) out.push(escapeText(page.slice(at, lt)));
    const next = page.charCodeAt(lt + 1);
    if (page.startsWith("<!--", lt)) {
      // A comment runs to "-->" or, unclosed, to the end of the page (as in a browser).
      const end = page.indexOf("-->", lt + 4);
      at = end < 0 ? n : end + 3;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      // <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>: not content.
      const end = page.indexOf(">", lt + 2);
      at = end < 0 ? n : end + 1;
      continue;
    }
    if (next === 0x2f /* / */ && isLetter(page.charCodeAt(lt + 2))) {
      NAME.lastIndex = lt + 2;
      const name = safeName(NAME.exec(page)![0]);
      const end = page.indexOf(">", NAME.lastIndex);
      at = end < 0 ? n : end + 1;
      // Closes the nearest open element of that name (the stack is at most MAX_DEPTH deep); a
      // closing tag without one is ignored.
      const open = stack.lastIndexOf(name);
      if (open >= 0) close(open);
      continue;
    }
    if (!isLetter(next)) {
      out.push("&lt;");
      at = lt + 1;
      continue;
    }
    NAME.lastIndex = lt + 1;
    const name = safeName(NAME.exec(page)![0]);
    let p = NAME.lastIndex;
    const attributes: string[] = [];
    for (;;) {
      ATTRIBUTE.lastIndex = p;
      const a = ATTRIBUTE.exec(page)!;
      if (a[1] === undefined) break;
      p = ATTRIBUTE.lastIndex;
      const key = a[1]!.toLowerCase();
      if (KEPT_ATTRIBUTES.has(key)) attributes.push(` ${key}="${escapeAttribute(a[2] ?? a[3] ?? a[4] ?? "")}"`);
    }
    TAG_END.lastIndex = p;
    if (TAG_END.exec(page)![1] === undefined) {
      // A tag never closed with ">" (an unterminated quote runs to the end): the rest is not content.
      break;
    }
    at = TAG_END.lastIndex;
    const selfClosed = page.charCodeAt(at - 2) === 0x2f; /* "/>" */
    if (++elements > MAX_ELEMENTS) throw new MarkupTooLarge("elements");
    for (let top = stack[stack.length - 1]; top !== undefined && CLOSED_BY_OPENING[top]?.includes(name); top = stack[stack.length - 1]) close(stack.length - 1);
    // Depth counts the element itself, leaf or not (the stack holds open elements only).
    if (stack.length + 1 > deepest) deepest = stack.length + 1;
    if (DROPPED.has(name) || TEXT_ONLY.has(name)) {
      // Content up to the closing tag is text, never markup; found once, case-insensitively.
      const closing = new RegExp(`</${name}[\\s/>]`, "gi");
      closing.lastIndex = at;
      const found = selfClosed ? null : closing.exec(page);
      const textEnd = selfClosed ? at : found ? found.index : n;
      if (TEXT_ONLY.has(name)) out.push(`<${name}>${escapeText(page.slice(at, textEnd))}</${name}>`);
      const after = found ? page.indexOf(">", found.index) : -1;
      at = selfClosed ? at : after < 0 ? n : after + 1;
      continue;
    }
    if (VOID.has(name)) {
      out.push(`<${name}${attributes.join("")}>`);
      continue;
    }
    if (VOID_HTML_ONLY.has(name) || selfClosed) {
      out.push(`<${name}${attributes.join("")}></${name}>`);
      continue;
    }
    out.push(`<${name}${attributes.join("")}>`);
    stack.push(name);
    if (stack.length > MAX_DEPTH) throw new MarkupTooLarge("depth");
  }
  close(0);
  return { html: out.join(""), elements, depth: deepest };
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

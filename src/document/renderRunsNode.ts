/**
 * Node only (CLI, bench, tests): pdfmake draws each line's runs of like inlines with one pdfkit
 * `text()` call instead of one per inline; every glyph lands where pdfmake puts it.
 *
 * pdfmake splits CJK text into one inline per character and its Renderer calls pdfkit's `text()`
 * for each (options, transform, font encode, its own BT…ET): ~3 000 calls for a 4-page report.
 * Within a line, consecutive inlines drawn alike (same font object, size, colour, opacity; no
 * link, decoration, background, sup/sub, page reference or font features) are joined when a single
 * run puts each where pdfmake does: with PDF character spacing Tc = t after every glyph, inline k+1
 * must start at x_k + advance_k + t·glyphs_k, and an inline of several glyphs must itself be spaced
 * by t. Plain lines join with t = 0; justified lines (pdfmake adds the same shift after every
 * inline) join single characters with t = the shift; "2023" in a justified line stays alone.
 * The joined inline keeps each part's own glyphs and advances (its font's `encode` is answered part
 * by part from pdfkit's per-word cache), so no shaping changes across the joins.
 * test/document/renderRuns.test.ts compares glyph positions, text and pixels on real reports.
 *
 * Not used by the add-in: its pdfmake is one prebuilt bundle whose classes this module cannot reach.
 */
import { createRequire } from "node:module";

interface Font {
  encode(text: string, features?: unknown): [string[], unknown[]];
  layout(text: string, features?: unknown, onlyWidth?: boolean): { glyphs: unknown[]; positions: Array<{ xOffset: number; yOffset: number }> };
  widthOfString(text: string, size: number, features?: unknown): number;
  ref(): unknown;
}
interface Inline {
  text: unknown;
  x: number;
  width: number;
  height: number;
  font: Font;
  fontSize: number;
  characterSpacing?: number;
  [key: string]: unknown;
}
interface Line {
  inlines: Inline[];
  id?: unknown;
  _pageNodeRef?: unknown;
}
interface Doc {
  _font: unknown;
  x: number;
  widthOfString(text: string, options: { characterSpacing?: number; features?: unknown }): number;
}
type RenderLine = (this: { pdfDocument: Doc }, line: Line, x: number, y: number) => void;
interface RendererClass {
  prototype: { renderLine: RenderLine };
}

const PATCHED = Symbol.for("xxgk.renderRuns");
/** Positions are sums of a few dozen doubles: anything above their rounding noise is a real gap. */
const EPS = 1e-9;
/** What would make an inline draw more than its glyphs, or draw them elsewhere. */
const SPECIAL = ["link", "linkToPage", "linkToDestination", "decoration", "background", "sup", "sub", "_pageNodeRef", "fontFeatures"];

/** pdfmake's Renderer class, as pdfmake's own modules require it. */
export function pdfmakeRenderer(): RendererClass {
  return (createRequire(require.resolve("pdfmake"))("./Renderer") as { default: RendererClass }).default;
}

/** pdfkit's document class, as pdfmake requires it (pdfStreamsNode.ts patches it too). */
export function pdfmakePdfkit(): { prototype: Record<string, unknown> } {
  const req = createRequire(require.resolve("pdfmake"));
  const m = req(req.resolve("pdfkit")) as { default?: { prototype: Record<string, unknown> } } & { prototype: Record<string, unknown> };
  return m.default ?? m;
}

/** The code this module was written against (pdfmake 0.3.11, pdfkit 0.17–0.19): else refuse. */
function checkShape(renderer: RendererClass, pdfkitFragment: unknown): void {
  const render = renderer.prototype.renderLine as unknown;
  const fragment = typeof pdfkitFragment === "function" ? String(pdfkitFragment) : "";
  const expected =
    typeof render === "function" &&
    ["this.pdfDocument.text(inline.text, x + inline.x, shiftedY, options)", "characterSpacing: inline.characterSpacing", "this.pdfDocument._font = inline.font", "offsetText(", "line.getHeight()"].every((s) =>
      String(render).includes(s),
    ) &&
    ["this._font.encode(text, options.features)", "Tc`", "options.characterSpacing || 0"].every((s) => fragment.includes(s));
  if (!expected) throw new Error("pdfmake's Renderer or pdfkit's text is not the version renderRunsNode was written for");
}

function plain(inline: Inline): boolean {
  const t = inline.text;
  if (typeof t !== "string" || t.length === 0 || t.includes("\n")) return false;
  if (!Number.isFinite(inline.x) || !Number.isFinite(inline.width)) return false;
  if (typeof inline.font?.layout !== "function" || typeof inline.font.encode !== "function") return false;
  return SPECIAL.every((k) => inline[k] === undefined || inline[k] === null || inline[k] === false);
}

const drawsLike = (a: Inline, b: Inline) => a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && a.opacity === b.opacity;

const spacing = (inline: Inline) => inline.characterSpacing || 0;
/** The advance pdfkit draws for the inline's glyphs, without character spacing (pdfmake's width adds it between characters). */
const advance = (inline: Inline) => inline.width - spacing(inline) * ((inline.text as string).length - 1);
/** Runs of inlines drawable as one: [inlines, t]. A run of one is drawn as pdfmake draws it. */
function runsOf(inlines: Inline[]): Array<[Inline[], number]> {
  const runs: Array<[Inline[], number]> = [];
  let run: Inline[] = [];
  let t: number | undefined;
  // Glyphs as pdfkit lays the inline out (its per-word cache answers), asked only where spacing is involved.
  const shapes = new Map<Inline, { glyphs: number; offset: boolean }>();
  const shape = (p: Inline) => {
    let s = shapes.get(p);
    if (!s) {
      const { glyphs, positions } = p.font.layout(p.text as string);
      s = { glyphs: glyphs.length, offset: positions.some((q) => q.xOffset || q.yOffset) };
      shapes.set(p, s);
    }
    return s;
  };
  // Glyphs inside a part are spaced by its own spacing, in the run by Tc; pdfkit places an offset
  // glyph from its running x, which leaves out Tc.
  const fitsInside = (p: Inline, tc: number) => (Math.abs(spacing(p) - tc) <= EPS || shape(p).glyphs <= 1) && (tc === 0 || !shape(p).offset);
  const joins = (prev: Inline, cur: Inline): boolean => {
    if (!plain(prev) || !plain(cur) || !drawsLike(prev, cur)) return false;
    const gap = cur.x - prev.x - advance(prev);
    let tc = t;
    if (tc === undefined) {
      if (Math.abs(gap) <= EPS) tc = 0;
      else {
        const g = shape(prev).glyphs;
        if (g < 1) return false;
        tc = gap / g;
      }
      if (!fitsInside(prev, tc)) return false;
    } else if (Math.abs(gap - (tc === 0 ? 0 : tc * shape(prev).glyphs)) > EPS) return false;
    if (!fitsInside(cur, tc)) return false;
    t = tc;
    return true;
  };
  for (const inline of inlines) {
    if (run.length > 0 && joins(run[run.length - 1]!, inline)) run.push(inline);
    else {
      if (run.length > 0) runs.push([run, t ?? 0]);
      run = [inline];
      t = undefined;
    }
  }
  if (run.length > 0) runs.push([run, t ?? 0]);
  return runs;
}

/** One inline drawing the parts: their text, its font answering `encode` part by part. */
function joined(parts: Inline[], t: number): Inline {
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  const font = first.font;
  const drawing = Object.create(font as object) as Font;
  drawing.encode = (_text, features) => {
    const codes: string[] = [];
    const positions: unknown[] = [];
    for (const p of parts) {
      const [c, q] = font.encode(p.text as string, features);
      for (let i = 0; i < c.length; i++) codes.push(c[i]!);
      for (let i = 0; i < q.length; i++) positions.push(q[i]);
    }
    return [codes, positions];
  };
  // pdfkit measures the text only to move its cursor, which renderLine then sets as pdfmake leaves it.
  drawing.widthOfString = () => 0;
  drawing.ref = () => font.ref();
  let height = 0;
  for (const p of parts) height = Math.max(height, p.height || 0);
  return {
    ...first,
    text: parts.map((p) => p.text as string).join(""),
    width: last.x + last.width - first.x,
    height,
    characterSpacing: t === 0 ? undefined : t,
    font: drawing,
  };
}

export function installRenderRuns(renderer: RendererClass = pdfmakeRenderer(), pdfkitFragment: unknown = pdfmakePdfkit().prototype._fragment): void {
  const r = renderer as RendererClass & { [PATCHED]?: true };
  if (r[PATCHED]) return;
  checkShape(renderer, pdfkitFragment);
  const original = renderer.prototype.renderLine;
  renderer.prototype.renderLine = function renderLine(line, x, y) {
    const inlines = line?.inlines;
    if (!Array.isArray(inlines) || inlines.length < 2 || line._pageNodeRef || line.id || inlines.some((i) => i.decoration || i.background)) {
      return original.call(this, line, x, y);
    }
    const runs = runsOf(inlines);
    if (runs.length === inlines.length) return original.call(this, line, x, y);
    // The line as pdfmake built it (height, outline…), with the runs as its inlines.
    const view = Object.create(line as object) as Line;
    view.inlines = runs.map(([parts, t]) => (parts.length === 1 ? parts[0]! : joined(parts, t)));
    original.call(this, view, x, y);
    const [lastRun] = runs[runs.length - 1]!;
    if (lastRun.length > 1) {
      // Leave pdfkit's font and cursor as pdfmake's last text() call would.
      const last = lastRun[lastRun.length - 1]!;
      const doc = this.pdfDocument;
      doc._font = last.font;
      doc.x = (x || 0) + last.x + doc.widthOfString(last.text as string, { characterSpacing: last.characterSpacing });
    }
  };
  r[PATCHED] = true;
}

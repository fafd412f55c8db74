/**
 * A tiny DOM builder. Text always goes in as text nodes (textContent), never as markup: cell
 * contents and sheet names come from the workbook and must never become HTML. There is no
 * innerHTML anywhere in the pane.
 */

type Child = Node | string | null | undefined | false;
type Handler = (ev: Event) => void;

export interface Props {
  class?: string;
  id?: string;
  role?: string;
  type?: string;
  title?: string;
  href?: string;
  hidden?: boolean;
  disabled?: boolean;
  tabIndex?: number;
  /** Any data-* / aria-* / other plain attribute. `false`/null removes it. */
  attrs?: Record<string, string | number | boolean | null | undefined>;
  on?: Partial<Record<keyof HTMLElementEventMap, Handler>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props.class) el.className = props.class;
  if (props.id) el.id = props.id;
  if (props.role) el.setAttribute("role", props.role);
  if (props.type) el.setAttribute("type", props.type);
  if (props.title) el.title = props.title;
  if (props.href) el.setAttribute("href", props.href);
  if (props.hidden) el.hidden = true;
  if (props.disabled) el.setAttribute("disabled", "");
  if (props.tabIndex !== undefined) el.tabIndex = props.tabIndex;
  for (const [k, v] of Object.entries(props.attrs ?? {})) {
    if (v === false || v === null || v === undefined) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const [ev, fn] of Object.entries(props.on ?? {})) if (fn) el.addEventListener(ev, fn as Handler);
  append(el, children);
  return el;
}

export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
}

/**
 * A hidden <input type=file> opened by a visible button (its click()); the chosen file goes to
 * `onFile` and the input is cleared, so choosing the same file again is a new choice.
 */
export function hiddenFileInput(accept: string, onFile: (file: File) => void, attrs: Props["attrs"] = {}): HTMLInputElement {
  const input = h("input", { type: "file", class: "visually-hidden", attrs: { accept, tabindex: -1, "aria-hidden": "true", ...attrs } });
  input.addEventListener("change", () => {
    const f = input.files?.[0];
    if (f) onFile(f);
    input.value = "";
  });
  return input;
}

/** Replace an element's children. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

// ------------------------------------------------------------------ icons
// 16-unit glyphs in the spirit of Fluent System Icons (regular weight), drawn here so the pane
// needs no icon font or package. Built with createElementNS: no markup strings.

const SVG_NS = "http://www.w3.org/2000/svg";

const ICONS = {
  error: ["M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Z", "M5.9 5.9l4.2 4.2M10.1 5.9l-4.2 4.2"],
  warning: ["M7.1 2.6a1 1 0 0 1 1.8 0l5.3 9.9a1 1 0 0 1-.9 1.5H2.7a1 1 0 0 1-.9-1.5Z", "M8 6v3.4", "M8 11.4v.1"],
  info: ["M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Z", "M8 7.2v4", "M8 4.9v.1"],
  success: ["M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13Z", "M5.2 8.2l1.9 1.9 3.7-3.9"],
  chevron: ["M6 3.5 10.5 8 6 12.5"],
  add: ["M8 2.5v11M2.5 8h11"],
  sync: ["M13 8a5 5 0 0 1-8.9 3.1", "M3 8a5 5 0 0 1 8.9-3.1", "M12.2 1.9v3.3H8.9", "M3.8 14.1v-3.3h3.3"],
  word: ["M3.5 1.5h6l3 3v10h-9Z", "M9.5 1.5v3h3", "M5.3 7.5l.9 4 1.1-3 1.1 3 .9-4"],
  pdf: ["M3.5 1.5h6l3 3v10h-9Z", "M9.5 1.5v3h3", "M5.5 12V7.5h1.3a1.2 1.2 0 0 1 0 2.4H5.5"],
  target: ["M8 2.5a5.5 5.5 0 1 1 0 11 5.5 5.5 0 0 1 0-11Z", "M8 5.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5Z", "M8 0.5v2M8 13.5v2M0.5 8h2M13.5 8h2"],
  table: ["M2 2.5h12v11H2Z", "M2 6h12M2 9.5h12M6 6v7.5"],
  dismiss: ["M4 4l8 8M12 4l-8 8"],
  download: ["M8 2v8.5M4.5 7 8 10.5 11.5 7", "M3 13.5h10"],
  open: ["M3.5 1.5h6l3 3v10h-9Z", "M9.5 1.5v3h3", "M8 6.5v5M5.8 9.3 8 11.5l2.2-2.2"],
  carry: ["M2.5 3.5h11v10h-11Z", "M2.5 6.5h11", "M5.5 2v3M10.5 2v3", "M5.5 10h5M9.1 8.6 10.5 10l-1.4 1.4"],
  undo: ["M5 4.5 2.5 7 5 9.5", "M2.5 7h7a3.5 3.5 0 0 1 0 7H7"],
  /** An empty circle: not filled in yet. */
  todo: ["M8 2a6 6 0 1 1 0 12 6 6 0 0 1 0-12Z", "M5.5 8h5"],
} as const;

export type IconName = keyof typeof ICONS;

export function icon(name: IconName, cls = "icon"): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("class", `${cls} icon-${name}`);
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  for (const d of ICONS[name]) {
    const p = document.createElementNS(SVG_NS, "path");
    p.setAttribute("d", d);
    svg.appendChild(p);
  }
  return svg;
}

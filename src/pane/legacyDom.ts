/**
 * The few DOM methods the pane uses that IE11 lacks (core-js covers the language, not the DOM):
 * ChildNode.remove, ParentNode.append / replaceChildren, Element.closest, and DOMTokenList.toggle's
 * second argument (IE11 ignores it). Installed only where missing (webviewRuntime.ts).
 */
type NodeArg = Node | string;

function toNode(doc: Document, n: NodeArg): Node {
  return typeof n === "string" ? doc.createTextNode(n) : n;
}

export function installLegacyDom(win: Window & typeof globalThis): void {
  const el = win.Element.prototype as unknown as Record<string, unknown>;
  const doc = win.document;
  for (const proto of [win.Element.prototype, win.CharacterData.prototype, win.DocumentType.prototype] as unknown as Array<Record<string, unknown>>) {
    if (typeof proto.remove !== "function") {
      proto.remove = function remove(this: ChildNode) {
        if (this.parentNode) this.parentNode.removeChild(this);
      };
    }
  }
  for (const proto of [win.Element.prototype, win.Document.prototype, win.DocumentFragment.prototype] as unknown as Array<Record<string, unknown>>) {
    if (typeof proto.append !== "function") {
      proto.append = function append(this: ParentNode & Node, ...nodes: NodeArg[]) {
        for (const n of nodes) this.appendChild(toNode(doc, n));
      };
    }
    if (typeof proto.replaceChildren !== "function") {
      proto.replaceChildren = function replaceChildren(this: ParentNode & Node, ...nodes: NodeArg[]) {
        while (this.firstChild) this.removeChild(this.firstChild);
        for (const n of nodes) this.appendChild(toNode(doc, n));
      };
    }
  }
  if (typeof el.matches !== "function") el.matches = el.msMatchesSelector ?? el.webkitMatchesSelector;
  if (typeof el.closest !== "function") {
    el.closest = function closest(this: Element, selector: string) {
      if (this.matches(selector)) return this;
      return this.parentElement ? this.parentElement.closest(selector) : null;
    };
  }
  // IE11's toggle ignores `force`: detect and wrap.
  const probe = doc.createElement("span");
  probe.classList.toggle("x", false);
  if (probe.classList.contains("x")) {
    const native = win.DOMTokenList.prototype.toggle;
    win.DOMTokenList.prototype.toggle = function toggle(this: DOMTokenList, token: string, force?: boolean) {
      if (force === undefined) return native.call(this, token);
      if (force) this.add(token);
      else this.remove(token);
      return force;
    };
  }
}

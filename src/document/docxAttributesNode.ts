/**
 * Node only (CLI): docx's NextAttributeComponent writes its attributes in one loop, same result.
 *
 * Most elements of our document.xml (fonts, sizes, spacing, cell margins and widths) get their
 * attributes from docx's NextAttributeComponent, which builds them with `reduce` and a transpiled
 * object spread (`_objectSpread2`) that copies every attribute so far for each one added (measured:
 * half of docx's formatting, ~8 % of a whole `export --docx`). Assigning each defined value in
 * order gives an object with the same keys, order and values; test/document/docxPack.test.ts
 * compares both on random payloads and on whole documents.
 *
 * Not used by the add-in: its docx is bundled by webpack, a copy this module cannot reach.
 */

type Payload = Record<string, { key: string; value: unknown }>;
interface AttributeClass {
  prototype: { root: Payload; prepForXml(context: unknown): { _attr: Record<string, unknown> } };
}

const PATCHED = Symbol.for("xxgk.fastDocxAttributes");

/** docx's attributes of `payload`, as NextAttributeComponent.prepForXml gives them. */
export function attributesOf(payload: Payload): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const { key, value } of Object.values(payload)) {
    if (value === undefined) continue;
    // As the spread defines it: a key "__proto__" is an own property, not the prototype.
    if (key === "__proto__") Object.defineProperty(attrs, key, { value, enumerable: true, configurable: true, writable: true });
    else attrs[key] = value;
  }
  return attrs;
}

/** Replace NextAttributeComponent.prepForXml of the docx this process loads (or of `cls`). */
export function installFastDocxAttributes(cls?: AttributeClass): void {
  const c = (cls ?? (require("docx") as { NextAttributeComponent: AttributeClass }).NextAttributeComponent) as AttributeClass & { [PATCHED]?: true };
  if (c[PATCHED]) return;
  if (typeof c?.prototype?.prepForXml !== "function") throw new Error("docx: no NextAttributeComponent");
  c.prototype.prepForXml = function prepForXml(this: { root: Payload }) {
    return { _attr: attributesOf(this.root) };
  };
  c[PATCHED] = true;
}

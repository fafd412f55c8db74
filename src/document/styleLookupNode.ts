/**
 * Node only (CLI, bench, tests): pdfmake's style lookup without its per-call bookkeeping, same answers.
 *
 * pdfmake measures every word (every CJK character) and asks its style stack ~20 properties for
 * each: each question pushes the inline onto the stack, builds a closure, walks the stack and pops
 * (measured: ~5 % of a whole `export --pdf`). Pushing an inline that does not itself hold the
 * property changes no answer, so for inlines without named styles the stack is walked directly;
 * the walk stops at the first value and leaves named styles (which may extend others) to pdfmake's
 * own code. test/document/styleLookup.test.ts compares both on real documents.
 *
 * Not used by the add-in: its pdfmake is one prebuilt bundle whose classes this module cannot reach.
 */
import { createRequire } from "node:module";

type Style = Record<string, unknown>;
interface Stack {
  styleOverrides: Array<string | Style>;
  defaultStyle?: Style;
  getProperty(property: string): unknown;
}
interface StackClass {
  getStyleProperty(item: unknown, stack: Stack | null | undefined, property: string, defaultValue: unknown): unknown;
  prototype: Stack;
}

const isValue = (v: unknown) => v !== undefined && v !== null;
const PATCHED = Symbol.for("xxgk.fastStyleLookup");

/** pdfmake's StyleContextStack class, as pdfmake's own modules require it. */
export function pdfmakeStyleStack(): StackClass {
  const req = createRequire(require.resolve("pdfmake"));
  return (req("./StyleContextStack") as { default: StackClass }).default;
}

export function installFastStyleLookup(cls: StackClass = pdfmakeStyleStack()): void {
  const c = cls as StackClass & { [PATCHED]?: true };
  if (c[PATCHED]) return;
  const originalLookup = cls.getStyleProperty;
  const originalGet = cls.prototype.getProperty;
  cls.getStyleProperty = function getStyleProperty(item, stack, property, defaultValue) {
    const own = (item as Style)[property];
    if (isValue(own)) return own;
    // Named styles on the inline are pushed above the stack by pdfmake: its own path handles them.
    if (!stack || (typeof item === "object" && item !== null && (item as Style).section === undefined && (item as Style).style)) {
      return originalLookup.call(this, item, stack, property, defaultValue);
    }
    const value = stack.getProperty(property);
    return isValue(value) ? value : defaultValue;
  };
  cls.prototype.getProperty = function getProperty(this: Stack, property: string) {
    const overrides = this.styleOverrides;
    for (let i = overrides.length - 1; i >= 0; i--) {
      const o = overrides[i]!;
      if (typeof o === "string" || o instanceof String) return originalGet.call(this, property);
      const v = o[property];
      if (isValue(v)) return v;
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
  c[PATCHED] = true;
}

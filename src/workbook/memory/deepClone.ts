/**
 * A deep copy of plain data (objects, arrays, Map, Set, Date) keeping cycles and shared references:
 * what the API recorded on a fake sheet (appearance, protection options, the selection), which
 * FakeWorkbookModel.clone copies. Functions are shared (code); anything else with hidden state
 * (class instances, Promise, typed arrays…) is refused rather than copied wrongly.
 */
export function deepClone<T>(root: T): T {
  const copies = new Map<object, unknown>();
  const copy = (v: unknown): unknown => {
    if (v === null || typeof v !== "object") return v;
    const done = copies.get(v);
    if (done !== undefined) return done;
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      copies.set(v, out);
      for (const x of v) out.push(copy(x));
      return out;
    }
    if (v instanceof Map) {
      const out = new Map();
      copies.set(v, out);
      for (const [k, x] of v) out.set(copy(k), copy(x));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set();
      copies.set(v, out);
      for (const x of v) out.add(copy(x));
      return out;
    }
    if (v instanceof Date) return new Date(v.getTime());
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw new Error("deepClone: only plain data can be copied.");
    const out: Record<string, unknown> = {};
    copies.set(v, out);
    for (const k of Object.keys(v)) out[k] = copy((v as Record<string, unknown>)[k]);
    return out;
  };
  return copy(root) as T;
}

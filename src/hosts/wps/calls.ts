/**
 * Counting every call the adapter makes into WPS. Each ET call is synchronous and crosses a
 * process boundary (the page's JS engine → WPS), so the count is the WPS counterpart of Excel's
 * context.sync() round trips: a property read, a property write and a method call are one each.
 * The wrapper is a Proxy over the host objects; objects a call returns are wrapped too, arrays
 * and scalars (Value2 blocks) are plain data and pass through.
 */
export interface CallCounter {
  calls: number;
}

const wrapped = new WeakMap<object, object>();

function isHostObject(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function counted<T>(target: T, counter: CallCounter): T {
  if (!isHostObject(target)) return target;
  const cached = wrapped.get(target);
  if (cached && (cached as { [COUNTER]?: CallCounter })[COUNTER] === counter) return cached as T;
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop === COUNTER) return counter;
      if (prop === RAW) return obj;
      const v: unknown = Reflect.get(obj, prop, receiver === proxy ? obj : receiver);
      if (typeof v === "function") {
        return (...args: unknown[]) => {
          counter.calls++;
          return counted((v as (...a: unknown[]) => unknown).apply(obj, args.map(unwrap)), counter);
        };
      }
      counter.calls++;
      return counted(v, counter);
    },
    set(obj, prop, value) {
      counter.calls++;
      return Reflect.set(obj, prop, unwrap(value));
    },
  });
  wrapped.set(target, proxy);
  return proxy as T;
}

const COUNTER = Symbol("counter");
const RAW = Symbol("raw");

/** The host object behind a counted proxy (host methods must receive their own objects). */
export function unwrap<T>(v: T): T {
  if (isHostObject(v)) {
    const raw = (v as { [RAW]?: unknown })[RAW];
    if (raw !== undefined) return raw as T;
  }
  return v;
}

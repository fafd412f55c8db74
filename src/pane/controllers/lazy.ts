/**
 * A panel's controller behind its lazy chunk: loaded on the first call, then called directly.
 * Calls made while it loads start once it is there, in the order they were made. If the chunk cannot
 * load (offline, a server error), `failed` tells the clerk, nothing runs, and the next call tries
 * again.
 */
import { reason, type PaneContext } from "./context";

export interface Lazy<C> {
  /** The controller, once its chunk has loaded. */
  readonly loaded: C | null;
  /** Runs `f` on the controller: at once when it is loaded, else after loading it. */
  run(f: (c: C) => void): void;
  /** The same for work that takes time: resolves when `f`'s work is done (or the load failed). */
  runAsync(f: (c: C) => Promise<void> | void): Promise<void>;
}

export function lazy<C>(load: () => Promise<C>, failed: (e: unknown) => void): Lazy<C> {
  let loaded: C | null = null;
  let loading: Promise<C | null> | null = null;
  const ready = (): Promise<C | null> =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null;
        failed(e);
        return null;
      },
    ));
  return {
    get loaded() {
      return loaded;
    },
    run(f) {
      if (loaded) f(loaded);
      else void ready().then((c) => c && f(c));
    },
    async runAsync(f) {
      const c = loaded ?? (await ready());
      if (c) await f(c);
    },
  };
}

/**
 * A panel's chunk `m` and the controller `make` builds from it on the pane's context; a failed load
 * is an error notice with `failed`'s sentence.
 */
export function lazyPanel<M, C>(ctx: PaneContext, load: () => Promise<M>, make: (m: M) => C, failed: (why: string) => string): Lazy<{ m: M; c: C }> {
  return lazy(
    () => load().then((m) => ({ m, c: make(m) })),
    (e) => ctx.dispatch({ type: "notice", notice: { tone: "error", text: failed(reason(e)) } }),
  );
}

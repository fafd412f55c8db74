/**
 * Roving tabindex (WAI-ARIA APG): a toolbar or a list is ONE Tab stop; arrow keys, Home and End
 * move inside it. The key → index arithmetic is a plain function (tested in Node); the DOM part
 * only moves tabindex and focus.
 */
export type Orientation = "horizontal" | "vertical";

/** The index a key moves to, or null when the key is not a move for this orientation. */
export function rovingTarget(key: string, index: number, count: number, orientation: Orientation): number | null {
  if (count <= 0) return null;
  const prev = orientation === "horizontal" ? "ArrowLeft" : "ArrowUp";
  const next = orientation === "horizontal" ? "ArrowRight" : "ArrowDown";
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  const i = Math.min(Math.max(index, 0), count - 1);
  // Toolbars wrap around (APG); a long list stops at its ends, so the clerk knows where it is.
  if (key === next) return orientation === "horizontal" ? (i + 1) % count : Math.min(i + 1, count - 1);
  if (key === prev) return orientation === "horizontal" ? (i - 1 + count) % count : Math.max(i - 1, 0);
  return null;
}

/** Keep exactly one of `items` in the Tab order: `current` if it is one of them, else the first. */
export function setTabStop(items: readonly HTMLElement[], current: HTMLElement | null): HTMLElement | null {
  const stop = current && items.includes(current) ? current : (items[0] ?? null);
  for (const el of items) el.tabIndex = el === stop ? 0 : -1;
  return stop;
}

/** Handle an arrow/Home/End key inside a roving group; returns the newly focused item, if any. */
export function rovingKeydown(ev: KeyboardEvent, items: readonly HTMLElement[], orientation: Orientation): HTMLElement | null {
  if (ev.altKey || ev.ctrlKey || ev.metaKey) return null;
  const from = items.indexOf(ev.target as HTMLElement);
  if (from === -1) return null;
  const to = rovingTarget(ev.key, from, items.length, orientation);
  if (to === null) return null;
  ev.preventDefault();
  const el = items[to]!;
  setTabStop(items, el);
  el.focus();
  return el;
}

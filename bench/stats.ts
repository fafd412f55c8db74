/** Small timing helpers for `npm run bench`: medians over repeated runs, after a warm-up. */
import { performance } from "node:perf_hooks";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function medianMs(runs: number, fn: () => unknown | Promise<unknown>, warmup = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return round(median(times));
}

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

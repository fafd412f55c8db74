/**
 * A panel's controller behind its lazy chunk (src/pane/controllers/lazy.ts): loaded once, on the
 * first call; calls made while it loads run after it, in order; a failed load is reported, runs
 * nothing, and the next call loads again.
 */
import { lazy } from "../../src/pane/controllers/lazy";

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

test("calls made while the chunk loads start after it, in the order they were made; later calls run at once", async () => {
  const d = deferred<{ log: string[] }>();
  let loads = 0;
  const failures: unknown[] = [];
  const c = lazy(() => (loads++, d.promise), (e) => failures.push(e));
  const controller = { log: [] as string[] };
  c.run((x) => x.log.push("open"));
  const read = c.runAsync(async (x) => {
    x.log.push("read");
    await Promise.resolve();
    x.log.push("read done");
  });
  c.run((x) => x.log.push("toggle"));
  expect(c.loaded).toBeNull();
  d.resolve(controller);
  await read;
  // Each starts in the order it was called (a call's own awaits are its own).
  expect(controller.log).toEqual(["open", "read", "toggle", "read done"]);
  c.run((x) => x.log.push("close"));
  expect(controller.log).toEqual(["open", "read", "toggle", "read done", "close"]); // synchronous once loaded
  expect(loads).toBe(1);
  expect(failures).toEqual([]);
});

test("a failed load is reported once per attempt, runs nothing, and the next call tries again", async () => {
  let attempt = 0;
  const failures: string[] = [];
  const ran: string[] = [];
  const c = lazy(
    () => (++attempt === 1 ? Promise.reject(new Error("HTTP 503")) : Promise.resolve({ ran })),
    (e) => failures.push((e as Error).message),
  );
  await c.runAsync((x) => void x.ran.push("first"));
  expect(ran).toEqual([]);
  expect(failures).toEqual(["HTTP 503"]);
  expect(c.loaded).toBeNull();
  await c.runAsync((x) => void x.ran.push("second"));
  expect(ran).toEqual(["second"]);
  expect(attempt).toBe(2);
  expect(failures).toEqual(["HTTP 503"]);
});

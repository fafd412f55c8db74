/**
 * The workbench dev server, started as `npm run workbench` starts it: its port comes from
 * XXGK_WORKBENCH_PORT or `--port`, and its root answers a Chinese page linking to the real pages
 * (not "Cannot GET /"). The root page answers before the first compilation finishes.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "../helpers/paths";

const WEBPACK = path.join(PROJECT_ROOT, "node_modules", "webpack", "bin", "webpack.js");

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const children: ChildProcess[] = [];
afterEach(async () => {
  // Our own detached process groups, by id; wait until each has gone.
  for (const c of children.splice(0)) {
    if (!c.pid || c.exitCode !== null || c.signalCode !== null) continue;
    const gone = new Promise((r) => c.once("exit", r));
    process.kill(-c.pid, "SIGKILL");
    await gone;
  }
});

async function serveWorkbench(args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [WEBPACK, "serve", "--mode", "development", "--env", "workbench", ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: "ignore",
  });
  children.push(child);
  return child;
}

async function getRoot(port: number): Promise<Response> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      return await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: "close" } });
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

test("XXGK_WORKBENCH_PORT moves the workbench, and / answers a Chinese page linking to workbench.html", async () => {
  const port = await freePort();
  await serveWorkbench([], { XXGK_WORKBENCH_PORT: String(port) });
  const res = await getRoot(port);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/html/);
  expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
  const html = await res.text();
  expect(html).toContain('lang="zh-CN"');
  expect(html).toContain("工作台");
  expect(html).toContain('href="workbench.html"');
  expect(html).not.toMatch(/Cannot GET/);
});

test("--port on the command line wins over XXGK_WORKBENCH_PORT", async () => {
  const [envPort, cliPort] = [await freePort(), await freePort()];
  await serveWorkbench(["--port", String(cliPort)], { XXGK_WORKBENCH_PORT: String(envPort) });
  const res = await getRoot(cliPort);
  expect(await res.text()).toContain('href="workbench.html"');
  await expect(fetch(`http://127.0.0.1:${envPort}/`)).rejects.toThrow();
});

/**
 * The add-in server for tests and the bench, on loopback only: in process with its public URL
 * set to its own address (the hand-off needs one), or as a child process (`npm run serve` as
 * deployed) for memory figures; plain HTTP requests and hand-off uploads against it.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import path from "node:path";
import { createServer, type ServerOptions } from "../../src/server/app";
import { PROJECT_ROOT, outputDir } from "./paths";

export const PDF = Buffer.from("%PDF-1.7\n");

/** A port free on 127.0.0.1 right now (the server is started on it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export async function startServer(opts: ServerOptions = {}) {
  const port = await freePort();
  const base = `${opts.https ? "https" : "http"}://127.0.0.1:${port}`;
  const app = createServer({ publicUrl: base, ...opts });
  await app.listen({ port, host: "127.0.0.1" });
  return { app, port, base };
}

export interface Res {
  status: number;
  body: string;
}

export function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer; localAddress?: string } = {}): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers, localAddress: opts.localAddress, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

export async function token(base: string, localAddress?: string): Promise<string> {
  return JSON.parse((await request(`${base}/api/handoff/token`, { localAddress })).body).token;
}

export async function upload(base: string, body: Buffer, opts: { localAddress?: string; headers?: Record<string, string> } = {}): Promise<Res> {
  const headers = { "Content-Type": "application/pdf", "X-File-Name": "a.pdf", "X-Handoff-Token": await token(base, opts.localAddress), ...opts.headers };
  return request(`${base}/api/handoff`, { method: "POST", headers, body, localAddress: opts.localAddress });
}

/** Peak resident memory (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** `src/server/main.ts` in a child process (default limits unless env says otherwise), plain HTTP on loopback. */
export async function spawnServer(env: Record<string, string> = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // node itself with tsx's require hook (the tsx CLI would put the server in a grandchild).
  const child = spawn(process.execPath, ["--require", "tsx/cjs", path.join(PROJECT_ROOT, "src", "server", "main.ts")], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, XXGK_HTTP: "1", XXGK_HOST: "127.0.0.1", XXGK_PORT: String(port), XXGK_DIST: outputDir("server-child"), XXGK_PUBLIC_URL: base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d.toString();
      if (out.includes(`127.0.0.1:${port}`)) resolve();
    });
    child.once("exit", () => reject(new Error(`server exited: ${out}`)));
    setTimeout(() => reject(new Error("server did not start")), 30_000).unref();
  });
  return { base, pid: child.pid!, stop: () => void child.kill("SIGTERM") };
}

/**
 * `count` uploads of `mb` MB at once, each from its own loopback address (127.0.0.10…), so the
 * global bounds are what is met, not the per-client one. Status 0: the server answered 503 and
 * closed while the client was still sending.
 */
export async function uploadStorm(base: string, count: number, mb: number): Promise<number[]> {
  const file = Buffer.concat([PDF, Buffer.alloc(mb * 1024 * 1024 - PDF.length, 0x20)]);
  const results = await Promise.all(Array.from({ length: count }, (_, i) => upload(base, file, { localAddress: `127.0.0.${i + 10}` }).catch(() => ({ status: 0, body: "" }))));
  return results.map((r) => r.status);
}

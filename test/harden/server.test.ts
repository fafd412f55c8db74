/**
 * The hand-off server under abuse (issue 13), over real HTTP on loopback only, every loop
 * bounded: slow bodies are cut off, uploads are refused by Content-Length and by the room left
 * before they are buffered, one client cannot fill the store for all, pages of other sites are
 * refused, links never carry the Host header, and a symlink in dist/ leads nowhere.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { createServer, DEFAULT_TIMEOUTS } from "../../src/server/app";
import { main as serverMain, settingsFromEnv } from "../../src/server/main";
import { outputDir } from "../helpers/paths";
import { PDF, peakRssMb, request, spawnServer, startServer, token, upload, uploadStorm } from "../helpers/server";

jest.setTimeout(90_000);

const start = startServer;

/** Raw request head on a socket; the caller decides how (and how slowly) to send the body. */
function rawSocket(port: number, head: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ port, host: "127.0.0.1" }, () => {
      s.write(head);
      resolve(s);
    });
    s.on("error", reject);
  });
}

const closedOrAnswered = (s: net.Socket) =>
  new Promise<{ at: number; data: string }>((resolve) => {
    let data = "";
    s.on("data", (d) => (data += d.toString()));
    s.on("close", () => resolve({ at: Date.now(), data }));
  });

describe("timeouts", () => {
  test("defaults are set: no request, header or idle timeout is left at 0", async () => {
    expect(DEFAULT_TIMEOUTS.requestMs).toBeGreaterThan(0);
    expect(DEFAULT_TIMEOUTS.headersMs).toBeGreaterThan(0);
    expect(DEFAULT_TIMEOUTS.idleMs).toBeGreaterThan(0);
    expect(DEFAULT_TIMEOUTS.keepAliveMs).toBeGreaterThan(0);
    const app = createServer();
    expect(app.server.requestTimeout).toBe(DEFAULT_TIMEOUTS.requestMs);
    expect(app.server.headersTimeout).toBe(DEFAULT_TIMEOUTS.headersMs);
    expect(app.server.keepAliveTimeout).toBe(DEFAULT_TIMEOUTS.keepAliveMs);
    await app.close();
  });

  test("a body sent one byte at a time is cut off at the request timeout; the server stays healthy", async () => {
    const server = await start({ timeouts: { requestMs: 1500, idleMs: 10_000 } });
    try {
      const t = await token(server.base);
      const s = await rawSocket(server.port, `POST /api/handoff HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nX-File-Name: a.pdf\r\nX-Handoff-Token: ${t}\r\nContent-Length: 1000\r\n\r\n%`);
      const started = Date.now();
      const done = closedOrAnswered(s);
      const drip = setInterval(() => s.writable && s.write("P"), 300);
      const end = await done;
      clearInterval(drip);
      expect(end.at - started).toBeLessThan(6000);
      expect((await request(`${server.base}/api/health`)).status).toBe(200);
    } finally {
      await server.app.close();
    }
  });
});

describe("uploads are bounded before they are buffered", () => {
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start({ limits: { maxBytes: 64 * 1024, maxTotalBytes: 100 * 1024, perClientBytes: 100 * 1024 } });
  });
  afterAll(() => server.app.close());

  test("a declared Content-Length over the limit is refused before a byte of body is sent", async () => {
    const s = await rawSocket(server.port, `POST /api/handoff HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nX-File-Name: a.pdf\r\nX-Handoff-Token: ${await token(server.base)}\r\nContent-Length: 500000000\r\n\r\n`);
    const end = await closedOrAnswered(s);
    expect(end.data).toMatch(/^HTTP\/1\.1 413/);
  });

  test("no Content-Length (chunked) → 411", async () => {
    const s = await rawSocket(server.port, `POST /api/handoff HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nX-File-Name: a.pdf\r\nX-Handoff-Token: ${await token(server.base)}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\n%PDF-\r\n0\r\n\r\n`);
    expect((await closedOrAnswered(s)).data).toMatch(/^HTTP\/1\.1 411/);
  });

  test("bytes in flight count: while one upload is still arriving, a second that would not fit gets 503 at once", async () => {
    const size = 60 * 1024;
    const s = await rawSocket(server.port, `POST /api/handoff HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nX-File-Name: a.pdf\r\nX-Handoff-Token: ${await token(server.base)}\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n%PDF-`);
    const first = closedOrAnswered(s);
    await new Promise((r) => setTimeout(r, 100));
    const second = await upload(server.base, Buffer.concat([PDF, Buffer.alloc(size - PDF.length)]), { localAddress: "127.0.0.2" });
    expect(second.status).toBe(503);
    s.end(Buffer.alloc(size - 5));
    expect((await first).data).toMatch(/^HTTP\/1\.1 201/);
  });
});

describe("one client cannot starve the rest", () => {
  test("per-client room: the busy client gets 429, another client still gets 201", async () => {
    const server = await start({ limits: { maxBytes: 64 * 1024, maxTotalBytes: 400 * 1024, perClientBytes: 100 * 1024 } });
    try {
      const file = Buffer.concat([PDF, Buffer.alloc(40 * 1024)]);
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await upload(server.base, file)).status);
      expect(codes).toEqual([201, 201, 429, 429]);
      expect((await upload(server.base, file, { localAddress: "127.0.0.2" })).status).toBe(201);
    } finally {
      await server.app.close();
    }
  });

  test("connections beyond the per-client bound are closed; others still get through", async () => {
    const server = await start({ timeouts: { perClientConnections: 5 } });
    const sockets: net.Socket[] = [];
    try {
      const closed: boolean[] = [];
      for (let i = 0; i < 8; i++) {
        const s = net.connect({ port: server.port, host: "127.0.0.1" });
        sockets.push(s);
        await new Promise((r) => s.once("connect", r));
      }
      await new Promise((r) => setTimeout(r, 200));
      for (const s of sockets) closed.push(s.destroyed || s.readyState !== "open");
      expect(closed.filter(Boolean)).toHaveLength(3);
      expect((await request(`${server.base}/api/health`, { localAddress: "127.0.0.2" })).status).toBe(200);
    } finally {
      for (const s of sockets) s.destroy();
      await server.app.close();
    }
  });
});

describe("uploads come from the add-in's own pages", () => {
  test("another site's Origin or Sec-Fetch-Site is refused; our own is accepted; no token → 403", async () => {
    const server = await start({ publicUrl: "https://xxgk.example.gov.cn" });
    try {
      expect((await upload(server.base, PDF, { headers: { Origin: "https://evil.example" } })).status).toBe(403);
      expect((await upload(server.base, PDF, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(403);
      expect((await request(`${server.base}/api/handoff/token`, { headers: { "Sec-Fetch-Site": "cross-site" } })).status).toBe(403);
      const ok = await upload(server.base, PDF, { headers: { Origin: "https://xxgk.example.gov.cn", "Sec-Fetch-Site": "same-origin" } });
      expect(ok.status).toBe(201);
      expect(JSON.parse(ok.body).url).toMatch(/^https:\/\/xxgk\.example\.gov\.cn\/api\/handoff\/[A-Za-z0-9_-]{22}$/);
      const none = await request(`${server.base}/api/handoff`, { method: "POST", headers: { "Content-Type": "application/pdf", "X-File-Name": "a.pdf" }, body: PDF });
      expect(none.status).toBe(403);
      expect(JSON.parse(none.body).error).toContain("上传凭证");
    } finally {
      await server.app.close();
    }
  });

  test("the Host header never reaches a hand-off URL", async () => {
    const server = await start();
    try {
      const r = await upload(server.base, PDF, { headers: { Host: "evil.example" } });
      expect(r.status).toBe(201);
      expect(JSON.parse(r.body).url.startsWith(`${server.base}/api/handoff/`)).toBe(true);
    } finally {
      await server.app.close();
    }
  });
});

test("a symlink inside dist/ is not followed out of it", async () => {
  const root = outputDir("harden-static");
  const dist = path.join(root, "dist");
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(path.join(root, "secret.txt"), "secret");
  writeFileSync(path.join(dist, "taskpane.js"), "ok");
  symlinkSync(path.join(root, "secret.txt"), path.join(dist, "leak.txt"));
  symlinkSync(root, path.join(dist, "up"));
  symlinkSync(path.join(dist, "taskpane.js"), path.join(dist, "alias.js"));
  const server = await start({ distDir: dist });
  try {
    expect((await request(`${server.base}/leak.txt`)).status).toBe(404);
    expect((await request(`${server.base}/up/secret.txt`)).status).toBe(404);
    expect((await request(`${server.base}/alias.js`)).status).toBe(200); // inside dist: fine
  } finally {
    await server.app.close();
  }
});

test("limits and timeouts come from the environment", () => {
  expect(settingsFromEnv({ XXGK_MAX_UPLOAD_MB: "5", XXGK_STORE_MB: "50", XXGK_REQUEST_TIMEOUT_S: "30", XXGK_CLIENT_CONNECTIONS: "8", XXGK_UPLOADS_IN_FLIGHT: "4" })).toEqual({
    limits: { maxBytes: 5 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 },
    timeouts: { requestMs: 30_000, perClientConnections: 8, uploadsInFlight: 4 },
  });
  expect(() => settingsFromEnv({ XXGK_STORE_MB: "lots" })).toThrow("XXGK_STORE_MB");
});

test("a public URL that is no web address stops the server at start, in Chinese", async () => {
  await expect(serverMain({ XXGK_HTTP: "1", XXGK_DIST: outputDir("harden-env"), XXGK_PUBLIC_URL: "xxgk.example.gov.cn" })).rejects.toThrow(
    "XXGK_PUBLIC_URL=xxgk.example.gov.cn 无效",
  );
});

/** Budget for the peak resident memory of the server under 40 × 19 MB uploads (docs/deployment.md). */
const PEAK_BUDGET_MB = 400;

test(`40 concurrent 19 MB uploads from 40 addresses keep the server (a child process, default limits) under ${PEAK_BUDGET_MB} MB`, async () => {
  const server = await spawnServer();
  try {
    const before = peakRssMb(server.pid);
    const codes = await uploadStorm(server.base, 40, 19);
    // Again, with the store (nearly) full: all but what still fits is refused before it is buffered.
    const again = await uploadStorm(server.base, 40, 19);
    const peak = peakRssMb(server.pid);
    if (process.env.HARDEN_FIGURES) console.log({ codes: codes.join(","), before, peak, accepted: codes.filter((c) => c === 201).length });
    expect(codes.filter((c) => c === 201).length).toBeGreaterThan(0);
    expect([...codes, ...again].filter((c) => c === 201).length * 19).toBeLessThanOrEqual(200);
    expect([...codes, ...again].filter((c) => c !== 201 && c !== 503 && c !== 0)).toEqual([]);
    expect(peak).toBeLessThan(PEAK_BUDGET_MB);
    expect((await request(`${server.base}/api/health`)).status).toBe(200);
  } finally {
    server.stop();
  }
});

describe("DNS rebinding (issue 25): the hand-off needs XXGK_PUBLIC_URL", () => {
  // A page on evil.example whose name now resolves to our address: Host and Origin are its own.
  const rebound = (port: number) => ({ Host: `evil.example:${port}`, Origin: `http://evil.example:${port}`, "Sec-Fetch-Site": "same-origin" });

  test("unset: no token, no upload, no download — 503 saying why; static files still served", async () => {
    const dist = outputDir("harden-rebind");
    writeFileSync(path.join(dist, "taskpane.html"), "<!DOCTYPE html><title>x</title>");
    const app = createServer({ distDir: dist });
    await app.listen({ port: 0, host: "127.0.0.1" });
    const port = (app.server.address() as net.AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;
    try {
      for (const headers of [rebound(port), {}]) {
        const t = await request(`${base}/api/handoff/token`, { headers });
        expect(t.status).toBe(503);
        expect(JSON.parse(t.body).error).toContain("XXGK_PUBLIC_URL");
        expect(t.body).not.toMatch(/token/);
      }
      const up = await request(`${base}/api/handoff`, { method: "POST", headers: { ...rebound(port), "Content-Type": "application/pdf", "X-File-Name": "a.pdf", "X-Handoff-Token": "x.y.z" }, body: PDF });
      expect(up.status).toBe(503);
      expect((await request(`${base}/api/handoff/${"A".repeat(22)}`)).status).toBe(503);
      expect((await request(`${base}/taskpane.html`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });

  test("set: the rebinding page's upload is refused by its Origin; the links never name its host", async () => {
    const server = await start();
    try {
      const r = await upload(server.base, PDF, { headers: rebound(server.port) });
      expect(r.status).toBe(403);
      const ok = await upload(server.base, PDF, { headers: { Host: `evil.example:${server.port}` } });
      expect(JSON.parse(ok.body).url.startsWith(`${server.base}/api/handoff/`)).toBe(true);
    } finally {
      await server.app.close();
    }
  });
});

test("uploads received at once are bounded: past the budget 503 before the body is read", async () => {
  const server = await start({ timeouts: { uploadsInFlight: 1 } });
  try {
    const size = 10 * 1024;
    const s = await rawSocket(server.port, `POST /api/handoff HTTP/1.1\r\nHost: x\r\nContent-Type: application/pdf\r\nX-File-Name: a.pdf\r\nX-Handoff-Token: ${await token(server.base)}\r\nContent-Length: ${size}\r\nConnection: close\r\n\r\n%PDF-`);
    const first = closedOrAnswered(s);
    await new Promise((r) => setTimeout(r, 100));
    const second = await upload(server.base, PDF, { localAddress: "127.0.0.2" });
    expect(second.status).toBe(503);
    s.end(Buffer.alloc(size - 5));
    expect((await first).data).toMatch(/^HTTP\/1\.1 201/);
    // The budget is given back: the next upload goes through.
    expect((await upload(server.base, PDF, { localAddress: "127.0.0.2" })).status).toBe(201);
  } finally {
    await server.app.close();
  }
});

test("a static 404 is a plain page, not the hand-off's message; a gone link still says why", async () => {
  const dist = outputDir("harden-404");
  const server = await start({ distDir: dist });
  try {
    for (const p of ["/nope.html", "/fonts/x.otf", "/../etc/passwd", "/"]) {
      const r = await new Promise<http.IncomingMessage & { text: string }>((resolve, reject) => {
        http.get(`${server.base}${p}`, (res) => {
          let text = "";
          res.on("data", (d) => (text += d));
          res.on("end", () => resolve(Object.assign(res, { text })));
        }).on("error", reject);
      });
      expect([p, r.statusCode]).toEqual([p, 404]);
      expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(r.headers["content-security-policy"]).toBeDefined();
      expect(r.text).toContain("404 找不到页面");
      expect(r.text).not.toContain("链接");
    }
    expect(JSON.parse((await request(`${server.base}/api/nope`)).body).error).toBe("没有这个接口。");
    expect(JSON.parse((await request(`${server.base}/api/handoff/${"A".repeat(22)}`)).body).error).toContain("链接不存在");
  } finally {
    await server.app.close();
  }
});

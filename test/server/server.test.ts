/**
 * The add-in server over real HTTP(S) on 127.0.0.1 (random ports): the one-time hand-off
 * (upload, one download, then 404), expiry with an injected clock, size and input limits, no
 * listing, the static add-in with its security headers, and TLS.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import { contentDisposition, paneCsp } from "../../src/server/headers";
import { HandoffStore } from "../../src/server/handoff";
import { resolveInside } from "../../src/server/static";
import { outputDir } from "../helpers/paths";
import { startServer } from "../helpers/server";

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: Buffer; ca?: Buffer } = {}): Promise<Res> {
  const mod = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { method: opts.method ?? "GET", headers: opts.headers, ...(opts.ca ? { ca: opts.ca } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const docxBytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(2000, 7)]);
const pdfBytes = Buffer.from("%PDF-1.7\n% test\n");
const NAME = "某某街道办事处2023年政府信息公开工作年度报告.docx";

const start = startServer;

/** A one-use upload token, as the pane gets it before each upload. */
async function token(base: string, ca?: Buffer): Promise<string> {
  return JSON.parse((await request(`${base}/api/handoff/token`, ca ? { ca } : {})).body.toString()).token;
}

async function upload(base: string, body: Buffer, type: string, name: string | null, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { "Content-Type": type, "X-Handoff-Token": await token(base), ...extra };
  if (name !== null) headers["X-File-Name"] = encodeURIComponent(name);
  return request(`${base}/api/handoff`, { method: "POST", headers, body });
}

describe("hand-off endpoint", () => {
  let now = 1_700_000_000_000;
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start({ now: () => now, limits: { maxBytes: 64 * 1024, maxTotalBytes: 200 * 1024, perClientBytes: 200 * 1024 } });
  });
  afterAll(() => server.app.close());

  test("upload → one download as an attachment with the Chinese name → 404", async () => {
    const up = await upload(server.base, docxBytes, DOCX_TYPE, NAME);
    expect(up.status).toBe(201);
    const { url, expiresAt } = JSON.parse(up.body.toString());
    expect(url).toMatch(new RegExp(`^${server.base}/api/handoff/[A-Za-z0-9_-]{22}$`));
    expect(Date.parse(expiresAt) - now).toBe(120_000);
    // A HEAD (link preview, scanner) must not use up the download.
    expect((await request(url, { method: "HEAD" })).status).toBe(404);
    const down = await request(url);
    expect(down.status).toBe(200);
    expect(down.body.equals(docxBytes)).toBe(true);
    expect(down.headers["content-type"]).toBe(DOCX_TYPE);
    expect(down.headers["content-disposition"]).toBe(
      `attachment; filename="2023.docx"; filename*=UTF-8''${encodeURIComponent(NAME)}`,
    );
    expect(down.headers["x-content-type-options"]).toBe("nosniff");
    expect(down.headers["cache-control"]).toBe("no-store");
    expect(down.headers["content-security-policy"]).toMatch(/^sandbox/);
    const again = await request(url);
    expect(again.status).toBe(404);
    expect(JSON.parse(again.body.toString()).error).toMatch(/已被使用或已过期/);
  });

  test("links expire after 2 minutes", async () => {
    const up = await upload(server.base, pdfBytes, "application/pdf", "年报.pdf");
    const { url } = JSON.parse(up.body.toString());
    now += 120_001;
    expect((await request(url)).status).toBe(404);
  });

  test("ids are random 128-bit base64url, never reused", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const up = await upload(server.base, pdfBytes, "application/pdf", `r${i}.pdf`);
      ids.add(JSON.parse(up.body.toString()).url.split("/").pop());
    }
    expect(ids.size).toBe(5);
    for (const id of ids) expect(Buffer.from(id, "base64url")).toHaveLength(16);
  });

  test("oversize → 413", async () => {
    const big = Buffer.concat([docxBytes, Buffer.alloc(70 * 1024)]);
    const r = await upload(server.base, big, DOCX_TYPE, NAME);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body.toString()).error).toContain("MB");
  });

  test("memory ceiling → 503, freed again by downloads", async () => {
    now += 10 * 60_000; // let earlier uploads expire
    const urls: string[] = [];
    let r: Res;
    for (;;) {
      r = await upload(server.base, Buffer.concat([docxBytes, Buffer.alloc(40 * 1024)]), DOCX_TYPE, NAME);
      if (r.status !== 201) break;
      urls.push(JSON.parse(r.body.toString()).url);
    }
    expect(r.status).toBe(503);
    expect(urls.length).toBe(4);
    await request(urls[0]!);
    expect((await upload(server.base, docxBytes, DOCX_TYPE, NAME)).status).toBe(201);
  });

  test.each([
    ["no file name", docxBytes, DOCX_TYPE, null],
    ["a path in the name", docxBytes, DOCX_TYPE, "../x.docx"],
    ["a control character", docxBytes, DOCX_TYPE, "a\nb.docx"],
    ["another type", Buffer.from("hello"), "text/plain", "a.txt"],
    ["no content type", docxBytes, "", NAME],
    ["extension and type disagree", docxBytes, DOCX_TYPE, "a.pdf"],
    ["empty body", Buffer.alloc(0), "application/pdf", "a.pdf"],
    ["not really a PDF", Buffer.from("<html>"), "application/pdf", "a.pdf"],
  ])("bad input: %s → 400", async (_what, body, type, name) => {
    const r = await upload(server.base, body, type, name);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body.toString()).error).toBeTruthy();
  });

  test("bad percent-encoding → 400; HTML with a charset is accepted", async () => {
    const r = await request(`${server.base}/api/handoff`, {
      method: "POST",
      headers: { "Content-Type": "application/pdf", "X-File-Name": "%E4%B8", "X-Handoff-Token": await token(server.base) },
      body: pdfBytes,
    });
    expect(r.status).toBe(400);
    const h = await upload(server.base, Buffer.from("<!DOCTYPE html><p>年报</p>"), "text/html; charset=utf-8", "年报.html");
    expect(h.status).toBe(201);
    const down = await request(JSON.parse(h.body.toString()).url);
    expect(down.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(down.headers["content-disposition"]).toMatch(/^attachment;/);
  });

  test("no listing, unknown ids and methods → 404", async () => {
    for (const p of ["/api/handoff", "/api/handoff/", "/api/handoff/abc", `/api/handoff/${"A".repeat(22)}`, "/", "/api"]) {
      expect([p, (await request(server.base + p)).status]).toEqual([p, 404]);
    }
    expect((await request(`${server.base}/api/handoff/${"A".repeat(22)}`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("static add-in and headers", () => {
  const dist = path.join(outputDir("server"), "dist");
  mkdirSync(path.join(dist, "fonts"), { recursive: true });
  writeFileSync(path.join(dist, "taskpane.html"), "<!DOCTYPE html><title>年报助手</title>");
  writeFileSync(path.join(dist, "taskpane.js"), "console.log(1)");
  writeFileSync(path.join(dist, "fonts", "a.otf"), "OTTO");
  writeFileSync(path.join(dist, ".env"), "SECRET=1");
  let server: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    server = await start({ distDir: dist });
  });
  afterAll(() => server.app.close());

  test("pages get a CSP without unsafe-eval or inline script; everything gets nosniff", async () => {
    const page = await request(`${server.base}/taskpane.html`);
    expect(page.status).toBe(200);
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toBe(paneCsp());
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(/script-src ([^;]*)/.exec(csp)![1]).not.toMatch(/unsafe-inline/);
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/\*\.officeapps\.live\.com/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.headers["cache-control"]).toBe("no-cache");
    const js = await request(`${server.base}/taskpane.js`);
    expect(js.status).toBe(200);
    expect(js.headers["x-content-type-options"]).toBe("nosniff");
    const font = await request(`${server.base}/fonts/a.otf`);
    expect(font.status).toBe(200);
    expect(font.headers["cache-control"]).toMatch(/max-age=/);
  });

  test("revalidation by ETag; HEAD answers without a body", async () => {
    const first = await request(`${server.base}/taskpane.js`);
    const etag = String(first.headers.etag);
    expect((await request(`${server.base}/taskpane.js`, { headers: { "If-None-Match": etag } })).status).toBe(304);
    const head = await request(`${server.base}/taskpane.js`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toHaveLength(0);
  });

  test("resolveInside keeps every path inside the folder", () => {
    expect(resolveInside("/srv/dist", "/taskpane.html?x=1")).toBe("/srv/dist/taskpane.html");
    for (const p of ["/", "/../x", "/a/../../x", "/%2e%2e/x", "/.git/config", "/a%5c..%5cx", "/%E4%B8", "/a%00b"]) {
      expect([p, resolveInside("/srv/dist", p)]).toEqual([p, null]);
    }
  });

  test("no directory listing, no dotfiles, no escaping the folder", async () => {
    for (const p of ["/", "/fonts/", "/fonts", "/.env", "/../package.json", "/%2e%2e/package.json", "/fonts/..%2f..%2fpackage.json"]) {
      expect([p, (await request(server.base + p)).status]).toEqual([p, 404]);
    }
  });
});

describe("HTTPS", () => {
  test("serves TLS with HSTS, hand-off URLs on https", async () => {
    const dir = outputDir("server");
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
    ], { stdio: "ignore" });
    const ca = readFileSync(cert);
    const server = await start({ https: { key: readFileSync(key), cert: ca } });
    try {
      const health = await request(`${server.base}/api/health`, { ca });
      expect(health.status).toBe(200);
      expect(health.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
      const up = await request(`${server.base}/api/handoff`, {
        method: "POST",
        headers: { "Content-Type": "application/pdf", "X-File-Name": encodeURIComponent("年报.pdf"), "X-Handoff-Token": await token(server.base, ca) },
        body: pdfBytes,
        ca,
      });
      const { url } = JSON.parse(up.body.toString());
      expect(url.startsWith(`${server.base}/api/handoff/`)).toBe(true);
      expect((await request(url, { ca })).body.equals(pdfBytes)).toBe(true);
    } finally {
      await server.app.close();
    }
  });
});

describe("pieces", () => {
  test("Content-Disposition: RFC 5987 filename* and an ASCII fallback", () => {
    expect(contentDisposition("年报.pdf")).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf`);
    expect(contentDisposition("Report (final) 'v2'.docx")).toBe(
      `attachment; filename="Report (final) 'v2'.docx"; filename*=UTF-8''Report%20%28final%29%20%27v2%27.docx`,
    );
    expect(contentDisposition('a"b\\c%.html')).toBe(`attachment; filename="abc.html"; filename*=UTF-8''a%22b%5Cc%25.html`);
  });

  test("the store frees memory on take and on expiry", () => {
    let t = 0;
    const s = new HandoffStore({ ttlMs: 1000, maxBytes: 100, maxTotalBytes: 100, perClientBytes: 100 }, () => t);
    const a = s.put(new Uint8Array(60), "a.pdf", "pdf")!;
    expect(s.put(new Uint8Array(60), "b.pdf", "pdf")).toBeNull();
    expect(s.take(a.id)).not.toBeNull();
    expect(s.bytesHeld).toBe(0);
    s.put(new Uint8Array(60), "c.pdf", "pdf");
    t = 1000;
    s.sweep();
    expect(s.size).toBe(0);
    expect(s.take("not an id")).toBeNull();
  });
});

/**
 * scripts/mirror-office-js.mjs against a fake CDN on loopback (the real CDN is out of reach here):
 * the tree is the npm package's files under /lib/1/hosted/, laid out as on the CDN. The script
 * must take every Excel host script and the locale strings office.js itself names, record hashes,
 * and leave an existing mirror untouched when a required file fails.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { outputDir, PROJECT_ROOT } from "../helpers/paths";

const NPM_DIST = path.join(PROJECT_ROOT, "node_modules/@microsoft/office-js/dist");
const SCRIPT = path.join(PROJECT_ROOT, "scripts/mirror-office-js.mjs");
const OUT = outputDir("mirror-office-js");

let server: Server;
let base: string;
const requests: string[] = [];
const broken = new Set<string>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    requests.push(url.pathname);
    const rel = url.pathname.replace(/^\/lib\/1\/hosted\//, "");
    const file = path.join(NPM_DIST, rel);
    if (!url.pathname.startsWith("/lib/1/hosted/") || broken.has(rel) || !file.startsWith(NPM_DIST) || !existsSync(file) || !file.endsWith(".js")) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/javascript" }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/lib/1/hosted/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], { cwd: OUT }, (err, stdout, stderr) =>
      resolve({ code: err ? Number((err as NodeJS.ErrnoException & { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

test("copies office.js, every Excel host script and the locale strings office.js names, with hashes", async () => {
  const dir = path.join(OUT, "mirror");
  rmSync(dir, { recursive: true, force: true });
  const r = await run(["--from", base, "--out", dir]);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  for (const f of ["office.js", "o15apptofilemappingtable.js", "excel-win32-16.01.js", "excel-web-16.00.js", "excel-mac-16.00.js", "zh-cn/office_strings.js", "en-us/office_strings.js", "telemetry/oteljs_agave.js"]) {
    expect(sha(path.join(dir, f))).toBe(sha(path.join(NPM_DIST, f)));
  }
  // -core twins where the CDN has them; other hosts' scripts never.
  expect(existsSync(path.join(dir, "excel-win32-16.01-core.js"))).toBe(true);
  expect(existsSync(path.join(dir, "word-win32-16.01.js"))).toBe(false);
  const record = JSON.parse(readFileSync(path.join(dir, "MIRROR.json"), "utf8")) as { source: string; files: Record<string, string> };
  expect(record.source).toBe(base);
  expect(record.files["excel-win32-16.01.js"]).toBe(sha(path.join(NPM_DIST, "excel-win32-16.01.js")));
  expect(Object.keys(record.files).filter((f) => f.endsWith("/office_strings.js")).length).toBeGreaterThan(40);
  expect(r.stdout).toContain("XXGK_OFFICE_JS=");
}, 60_000);

test("a required file that fails leaves the existing mirror as it was", async () => {
  const dir = path.join(OUT, "kept");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "office.js"), "// last month's copy");
  broken.add("excel-win32-16.01.js");
  try {
    const r = await run(["--from", base, "--out", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("excel-win32-16.01.js");
    expect(r.stderr).toContain("未更新镜像");
    expect(readFileSync(path.join(dir, "office.js"), "utf8")).toBe("// last month's copy");
  } finally {
    broken.delete("excel-win32-16.01.js");
  }
}, 60_000);

test("refuses plain http to anything but loopback, and a source without office.js", async () => {
  const r = await run(["--from", "http://appsforoffice.microsoft.com/lib/1/hosted/", "--out", path.join(OUT, "x")]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("https");
  const notOffice = await run(["--from", base.replace("/lib/1/hosted/", "/lib/1/hosted/telemetry/"), "--out", path.join(OUT, "y")]);
  expect(notOffice.code).toBe(1);
  expect(existsSync(path.join(OUT, "y"))).toBe(false);
}, 60_000);

/**
 * The pane's Content-Security-Policy as the real server sends it: frame-ancestors admits every
 * Office on the web that frames the pane (Microsoft 365, consumer OneDrive, Teams, 21Vianet) and
 * stays overridable; script-src is the policy the build wrote into the pages (dist/csp.json), so a
 * mirror build's header and meta tag agree.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { createServer } from "../../src/server/app";
import { DEFAULT_FRAME_ANCESTORS, paneCsp } from "../../src/server/headers";
import CSP from "../../src/security/csp.json";
import { outputDir } from "../helpers/paths";

async function cspOf(distDir: string, frameAncestors?: string[]): Promise<string> {
  const app = createServer({ distDir, ...(frameAncestors ? { frameAncestors } : {}) });
  await app.listen({ port: 0, host: "127.0.0.1" });
  try {
    const { port } = app.server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/taskpane.html`);
    expect(res.status).toBe(200);
    return res.headers.get("content-security-policy") ?? "";
  } finally {
    await app.close();
  }
}

const directive = (csp: string, name: string): string[] => (new RegExp(`(?:^|; )${name} ([^;]*)`).exec(csp)?.[1] ?? "").split(" ");

function site(name: string, builtCsp?: string[]): string {
  const dir = path.join(outputDir("server"), name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "taskpane.html"), "<!DOCTYPE html><title>年报助手</title>");
  if (builtCsp) writeFileSync(path.join(dir, "csp.json"), JSON.stringify({ directives: builtCsp }));
  return dir;
}

test("frame-ancestors admits Microsoft 365, OneDrive, Teams and the 21Vianet cloud", async () => {
  const ancestors = directive(await cspOf(site("csp-default")), "frame-ancestors");
  for (const host of [
    "'self'",
    "https://*.officeapps.live.com",
    "https://*.sharepoint.com",
    "https://onedrive.live.com",
    "https://teams.microsoft.com",
    "https://*.teams.microsoft.com",
    "https://*.cloud.microsoft",
    "https://*.partner.officewebapps.cn",
    "https://*.officewebapps.cn",
    "https://*.sharepoint.cn",
  ]) {
    expect(ancestors).toContain(host);
  }
  // No wildcard that would let any site frame the pane.
  expect(ancestors.filter((a) => a === "*" || a === "https:" || a === "https://*")).toEqual([]);
});

test("XXGK_FRAME_ANCESTORS replaces the list (on-premises Office Online Server)", async () => {
  const csp = await cspOf(site("csp-override"), ["'self'", "https://oos.example.gov.cn"]);
  expect(directive(csp, "frame-ancestors")).toEqual(["'self'", "https://oos.example.gov.cn"]);
});

test("without a build record the header allows Microsoft's office.js CDN, as the default pages do", async () => {
  const csp = await cspOf(site("csp-nobuild"));
  expect(csp).toBe(paneCsp(DEFAULT_FRAME_ANCESTORS));
  expect(directive(csp, "script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
});

test("a mirror build's dist/csp.json becomes the header, so header and meta tag allow the same office.js", async () => {
  const mirrored = CSP.directives.map((d) => (d.startsWith("script-src") ? "script-src 'self' https://mirror.example.gov.cn" : d));
  const csp = await cspOf(site("csp-mirror", mirrored));
  expect(directive(csp, "script-src")).toEqual(["'self'", "https://mirror.example.gov.cn"]);
  expect(csp).not.toContain("appsforoffice.microsoft.com");
  expect(directive(csp, "frame-ancestors")).toEqual(DEFAULT_FRAME_ANCESTORS);
});

test("a malformed dist/csp.json is ignored, not served", async () => {
  const dir = site("csp-bad");
  writeFileSync(path.join(dir, "csp.json"), "{not json");
  expect(await cspOf(dir)).toBe(paneCsp(DEFAULT_FRAME_ANCESTORS));
});

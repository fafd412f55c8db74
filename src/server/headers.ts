/** Response headers: download disposition (RFC 6266 / 5987) and the security headers. */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import CSP from "../security/csp.json";

/** `attachment; filename="ascii"; filename*=UTF-8''percent-encoded` — Chinese names survive every browser. */
export function contentDisposition(fileName: string): string {
  const ext = /\.[A-Za-z0-9]{1,5}$/.exec(fileName)?.[0] ?? "";
  // The plain filename is for clients that ignore filename*: ASCII only, no quotes or backslashes.
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "").replace(/["\\%]/g, "").trim();
  const fallback = ascii && ascii !== ext ? ascii : `report${ext}`;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Hosts that frame the task pane in Office on the web: Microsoft 365 (office.com, SharePoint and
 * OneDrive for Business, *.cloud.microsoft), consumer OneDrive (onedrive.live.com), Teams, and the
 * cloud 21Vianet operates for Chinese tenants (*.partner.officewebapps.cn, *.officewebapps.cn,
 * *.sharepoint.cn; office.js lists these among its own host domains). The desktop webviews load
 * the pane at the top level, where frame-ancestors does not apply. Override with
 * XXGK_FRAME_ANCESTORS (e.g. for an on-premises Office Online Server).
 */
export const DEFAULT_FRAME_ANCESTORS = [
  "'self'",
  "https://*.officeapps.live.com",
  "https://onedrive.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.sharepoint.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
  "https://teams.microsoft.com",
  "https://*.teams.microsoft.com",
  "https://*.partner.officewebapps.cn",
  "https://*.officewebapps.cn",
  "https://*.sharepoint.cn",
];

/**
 * CSP of the pane pages, as a header: the page policy plus frame-ancestors, which only a header
 * can carry. `directives` is the policy the build wrote into the pages' meta tags (dist/csp.json,
 * which names the office.js origin it was built for); without a build, src/security/csp.json.
 */
export function paneCsp(frameAncestors: readonly string[] = DEFAULT_FRAME_ANCESTORS, directives: readonly string[] = CSP.directives): string {
  return [...directives, `frame-ancestors ${frameAncestors.join(" ")}`].join("; ");
}

/** The page policy a build recorded in <distDir>/csp.json, or null when there is none or it is malformed. */
export function builtPageDirectives(distDir: string): string[] | null {
  const file = path.join(distDir, "csp.json");
  if (!existsSync(file)) return null;
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as { directives?: unknown };
    const d = parsed.directives;
    return Array.isArray(d) && d.length > 0 && d.every((x) => typeof x === "string") ? (d as string[]) : null;
  } catch {
    return null;
  }
}

/** Downloads are never rendered by us: a sandboxed, script-less policy in case a browser tries. */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'";

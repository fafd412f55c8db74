/** Response headers: download disposition (RFC 6266 / 5987) and the security headers. */
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
 * Hosts that frame the task pane in Office on the web. The desktop webviews load the pane at the
 * top level, where frame-ancestors does not apply. Override with XXGK_FRAME_ANCESTORS (e.g. for an
 * on-premises Office Online Server).
 */
export const DEFAULT_FRAME_ANCESTORS = [
  "'self'",
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.sharepoint.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
];

/**
 * CSP of the pane pages, as a header: the policy of src/security/csp.json, which webpack also
 * writes into each page's meta tag, plus frame-ancestors, which only a header can carry.
 */
export function paneCsp(frameAncestors: readonly string[] = DEFAULT_FRAME_ANCESTORS): string {
  return [...CSP.directives, `frame-ancestors ${frameAncestors.join(" ")}`].join("; ");
}

/** Downloads are never rendered by us: a sandboxed, script-less policy in case a browser tries. */
export const DOWNLOAD_CSP = "sandbox; default-src 'none'";

/**
 * Host profiles of the fake Excel: which requirement sets a real Excel answers to, on which
 * platform, in which webview. Sources: the requirement-set availability tables of the Office
 * Add-ins documentation (ExcelApi, DialogApi, OpenBrowserWindowApi), checked December 2026;
 * see docs/hosts.md. Members outside a profile's sets are missing on the fake's proxies
 * (src/hosts/office/fake/gate.ts, from the generated map of @types/office-js annotations).
 */
export type HostProfileId = "office2019vl" | "office2019retail" | "office2021" | "office2024" | "m365" | "web";

export interface HostProfile {
  id: HostProfileId;
  /** What a clerk would call it. */
  label: string;
  /** Highest supported version per requirement set (isSetSupported answers from this). */
  apiSets: Readonly<Record<string, string>>;
  /** Office.context.platform. */
  platform: "PC" | "OfficeOnline";
  /** The engine that renders the pane: IE11 (Trident), legacy Edge (EdgeHTML), WebView2 (Chromium) or the browser. */
  webview: "trident" | "edgehtml" | "webview2" | "browser";
  /** Office.context.diagnostics.version, a representative build. */
  version: string;
  /**
   * Operations one context.sync() may carry (method calls, property writes, loads): a larger
   * batch fails after applying part of it. No limit is documented; batches far larger hang
   * desktop Excel (OfficeDev/office-js #1046), so the fake is strict (docs/hosts.md).
   */
  queueLimit: number;
  /** Largest response of one sync in bytes (Excel on the web: 5 MB), or null for none known. */
  responseLimitBytes: number | null;
}

const desktopCommon = { DialogApi: "1.2", OpenBrowserWindowApi: "1.1" } as const;

/** Strict batch sizes: the 2018 builds (Office 2019) at the adapter's own budget, newer ones a little above it. */
const OLD_DESKTOP_QUEUE = 3000;
const QUEUE = 5000;
/** "Resource limits and performance optimization for Office Add-ins": 5 MB per request and response on the web. */
export const WEB_PAYLOAD_BYTES = 5 * 1024 * 1024;

export const HOST_PROFILES: Readonly<Record<HostProfileId, HostProfile>> = {
  office2019vl: {
    id: "office2019vl",
    label: "Office 2019 批量许可版",
    // Volume-licensed perpetual Office 2019 stays at ExcelApi 1.7 (no feature updates);
    // OpenBrowserWindowApi needs Office 2021 on volume-licensed installs; DialogApi 1.1 only.
    apiSets: { ExcelApi: "1.7", DialogApi: "1.1" },
    platform: "PC",
    webview: "trident",
    version: "16.0.10827.20181",
    queueLimit: OLD_DESKTOP_QUEUE,
    responseLimitBytes: null,
  },
  office2019retail: {
    id: "office2019retail",
    label: "Office 2019 零售版",
    apiSets: { ExcelApi: "1.8", DialogApi: "1.1", OpenBrowserWindowApi: "1.1" },
    platform: "PC",
    webview: "edgehtml",
    version: "16.0.10730.20102",
    queueLimit: OLD_DESKTOP_QUEUE,
    responseLimitBytes: null,
  },
  office2021: {
    id: "office2021",
    label: "Office 2021",
    apiSets: { ExcelApi: "1.14", ...desktopCommon },
    platform: "PC",
    webview: "webview2",
    version: "16.0.14332.20000",
    queueLimit: QUEUE,
    responseLimitBytes: null,
  },
  office2024: {
    id: "office2024",
    label: "Office 2024",
    apiSets: { ExcelApi: "1.17", ...desktopCommon },
    platform: "PC",
    webview: "webview2",
    version: "16.0.17932.20000",
    queueLimit: QUEUE,
    responseLimitBytes: null,
  },
  m365: {
    id: "m365",
    label: "Microsoft 365（Windows）",
    apiSets: { ExcelApi: "1.20", ...desktopCommon },
    platform: "PC",
    webview: "webview2",
    version: "16.0.19231.20156",
    queueLimit: QUEUE,
    responseLimitBytes: null,
  },
  web: {
    id: "web",
    label: "网页版 Excel",
    // The web has ExcelApiOnline and no OpenBrowserWindowApi (the pane is already in a browser).
    apiSets: { ExcelApi: "1.20", ExcelApiOnline: "1.1", DialogApi: "1.2" },
    platform: "OfficeOnline",
    webview: "browser",
    version: "16.0.0.0",
    queueLimit: QUEUE,
    responseLimitBytes: WEB_PAYLOAD_BYTES,
  },
};

export const HOST_PROFILE_IDS = Object.keys(HOST_PROFILES) as HostProfileId[];

export function isHostProfileId(s: string): s is HostProfileId {
  return Object.prototype.hasOwnProperty.call(HOST_PROFILES, s);
}

/** "1.10" ≥ "1.9": numeric per part. */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split(".").map(Number);
  const b = want.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** isSetSupported over a table of sets. */
export function setsSupport(sets: Readonly<Record<string, string>>, name: string, minVersion = "1.1"): boolean {
  const have = sets[name];
  return have !== undefined && versionAtLeast(have, minVersion);
}

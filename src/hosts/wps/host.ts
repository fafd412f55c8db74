/**
 * What differs when the pane runs in WPS 表格 instead of Excel, in one place — the pane itself
 * (src/pane/app.ts) runs unchanged on whatever this hands it:
 *  - file delivery: WPS has no openBrowserWindow; the export is handed to our server
 *    (POST api/handoff, as for desktop Excel) and the one-time link opened in the system browser
 *    with OAAssist.ShellExecute, which downloads it; offline (no server) the pane shows a link;
 *  - links (help, template download) open in the system browser the same way;
 *  - theme: WPS gives add-ins no theme API; the pane follows the webview's prefers-color-scheme;
 *  - what WPS cannot do: no Office.js requirement sets, no event trigger source (our own writes
 *    are told apart by a flag), no batch that fails as a whole (writes roll back by hand).
 */
import type { SaveEnv } from "../../delivery";
import type { HostCapabilities } from "../../workbook/port";
import type { PaneHost } from "../../pane/app";
import type { ThemeName } from "../../pane/theme";
import type { EtApplication } from "./et";

export const WPS_PLATFORM = "WPS";

export interface WpsHost {
  capabilities: HostCapabilities;
  /** How exported files reach the clerk. */
  delivery: "handoff-and-system-browser";
  theme: ThemeName;
  /** Things Excel offers that WPS does not (for docs and diagnostics). */
  cannot: readonly string[];
  paneHost: PaneHost;
}

export const WPS_CANNOT = [
  "Office.js requirement sets (no ExcelApi probing)",
  "event trigger source (own writes flagged by the adapter)",
  "all-or-nothing batches (writes roll back by hand)",
  "openBrowserWindow (OAAssist.ShellExecute instead)",
] as const;

/** Where the add-in's pages live relative to the Office add-in on the same server (…/wps/). */
export function handoffUrl(pageUrl: string): string {
  return new URL("../api/handoff", pageUrl).toString();
}

export function wpsSaveEnv(app: EtApplication, pageUrl: string): SaveEnv {
  return {
    platform: WPS_PLATFORM,
    canOpenBrowserWindow: true,
    openBrowserWindow: (url) => app.OAAssist.ShellExecute(url),
    handoffUrl: handoffUrl(pageUrl),
    fetch: ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)) as typeof fetch,
    createObjectURL: (blob) => URL.createObjectURL(blob),
    downloadBlob: () => {
      throw new Error("not used in WPS");
    },
  };
}

export function wpsHost(app: EtApplication, pageUrl: string, prefersDark: boolean): WpsHost {
  const openUrl = (url: string): boolean => {
    if (!/^https?:\/\//i.test(url)) return false;
    try {
      app.OAAssist.ShellExecute(url);
      return true;
    } catch {
      return false; // let the link work in the webview
    }
  };
  return {
    capabilities: { insertTemplate: true, openBrowserWindow: false, platform: WPS_PLATFORM },
    delivery: "handoff-and-system-browser",
    theme: prefersDark ? "dark" : "light",
    cannot: WPS_CANNOT,
    paneHost: {
      templateUrl: new URL("template/xxgk-template.xlsx", pageUrl).toString(),
      openUrl,
      exportHost: { fontsBaseUrl: new URL("fonts/", pageUrl).toString(), saveEnv: () => wpsSaveEnv(app, pageUrl) },
    },
  };
}

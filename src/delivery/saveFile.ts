/**
 * Saving an exported file from the task pane, per host (notes/officejs.md §4):
 *   Office on the web            → <a download> on a blob: URL (works inside the Office iframe)
 *   Windows / Mac desktop, iPad  → POST the file to our server's hand-off endpoint, then
 *                                  Office.context.ui.openBrowserWindow(one-time https URL): the
 *                                  WebView2 / WKWebView panes cannot download blobs themselves
 *   Windows in IE11 (Office 2016/2019 volume-licensed, Trident webview)
 *                                → navigator.msSaveOrOpenBlob: IE's own 打开/保存 prompt, no server
 *                                  (EdgeHTML and WebView2 do not have it, office-js #1006)
 *   desktop without the API      → hand-off, and a link for the clerk to open
 * Whatever fails, the result carries a link the pane can show; it never fails silently.
 * Nothing reads Office or DOM globals at import time: officeSaveEnv() builds the real environment
 * when called, tests pass fakes.
 */
import { deliveryText } from "./messages";

export interface SaveEnv {
  /** Office.context.platform: "OfficeOnline", "PC", "Mac", "iOS", "Android", "Universal". */
  platform: string;
  /** Office.context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1"). */
  canOpenBrowserWindow: boolean;
  openBrowserWindow(url: string): void;
  /** Absolute URL of POST api/handoff beside the pane page (works when the add-in lives under a sub-path). */
  handoffUrl: string;
  fetch: typeof fetch;
  /** Starts a browser download of a blob (an anchor with `download`). */
  downloadBlob(blob: Blob, fileName: string): void;
  createObjectURL(blob: Blob): string;
  /**
   * The webview's own save prompt, where there is one: IE11's navigator.msSaveOrOpenBlob (Office
   * 2019 volume-licensed has no OpenBrowserWindowApi). Throws when the prompt could not start.
   */
  saveBlob?: ((blob: Blob, fileName: string) => void) | null;
}

export type SaveResult =
  | { kind: "downloaded"; message: string }
  | { kind: "opened"; url: string; message: string }
  /** Show `url` as a link the clerk can click or copy; `detail` explains what went wrong. */
  | { kind: "fallback"; url: string | null; message: string; detail?: string };

const errorOf = async (res: Response): Promise<Error> =>
  new Error((await res.json().then((j: { error?: string }) => j.error, () => undefined)) ?? `HTTP ${res.status}`);

/**
 * Fetch a one-use upload token from our server (only our own pages can read it), POST the file
 * with it; resolve to the one-time URL.
 */
export async function handOff(blob: Blob, fileName: string, env: Pick<SaveEnv, "fetch" | "handoffUrl">): Promise<string> {
  const tokenRes = await env.fetch(`${env.handoffUrl.replace(/\/+$/, "")}/token`, { method: "GET", credentials: "same-origin", cache: "no-store" });
  if (!tokenRes.ok) throw await errorOf(tokenRes);
  const { token } = (await tokenRes.json()) as { token?: unknown };
  if (typeof token !== "string") throw new Error("bad response");
  const res = await env.fetch(env.handoffUrl, {
    method: "POST",
    // Percent-encoded: header values must be ASCII, and the server decodes UTF-8.
    headers: { "Content-Type": blob.type, "X-File-Name": encodeURIComponent(fileName), "X-Handoff-Token": token },
    body: blob,
    credentials: "same-origin",
  });
  if (!res.ok) throw await errorOf(res);
  const { url } = (await res.json()) as { url?: unknown };
  if (typeof url !== "string" || !/^https?:\/\//.test(url)) throw new Error("bad response");
  return url;
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function saveFile(blob: Blob, fileName: string, env: SaveEnv): Promise<SaveResult> {
  if (env.platform === "OfficeOnline") {
    try {
      env.downloadBlob(blob, fileName);
      return { kind: "downloaded", message: deliveryText.downloaded(fileName) };
    } catch (e) {
      return { kind: "fallback", url: env.createObjectURL(blob), message: deliveryText.fallbackBlob(fileName), detail: errText(e) };
    }
  }
  if (env.saveBlob) {
    try {
      env.saveBlob(blob, fileName);
      return { kind: "downloaded", message: deliveryText.savePrompt(fileName) };
    } catch {
      // Fall through to the hand-off, which needs no download support in the webview.
    }
  }
  let url: string;
  try {
    url = await handOff(blob, fileName, env);
  } catch (e) {
    // Last resort: a blob: link. It works in some webviews (older Windows builds), and the pane
    // says plainly what failed.
    let blobUrl: string | null;
    try {
      blobUrl = env.createObjectURL(blob);
    } catch {
      blobUrl = null;
    }
    return { kind: "fallback", url: blobUrl, message: deliveryText.uploadFailed(errText(e)), detail: errText(e) };
  }
  if (!env.canOpenBrowserWindow) {
    return { kind: "fallback", url, message: deliveryText.fallbackLink(fileName), detail: deliveryText.noBrowserWindow };
  }
  try {
    env.openBrowserWindow(url);
    return { kind: "opened", url, message: deliveryText.opened(fileName) };
  } catch (e) {
    return { kind: "fallback", url, message: deliveryText.fallbackLink(fileName), detail: errText(e) };
  }
}

/** The real environment, read from Office and the DOM at call time (in the pane only). */
export function officeSaveEnv(pageUrl: string = window.location.href): SaveEnv {
  const ctx = Office.context;
  const ie = (window.navigator ?? {}) as Navigator & { msSaveOrOpenBlob?: (blob: Blob, name: string) => boolean };
  return {
    saveBlob:
      typeof ie.msSaveOrOpenBlob === "function"
        ? (blob, fileName) => {
            if (!ie.msSaveOrOpenBlob!(blob, fileName)) throw new Error("msSaveOrOpenBlob");
          }
        : null,
    platform: String(ctx.platform ?? ""),
    canOpenBrowserWindow: Boolean(ctx.requirements?.isSetSupported("OpenBrowserWindowApi", "1.1")),
    openBrowserWindow: (url) => ctx.ui.openBrowserWindow(url),
    // Relative to the pane page (dist/ root), so https://host/addin/taskpane.html posts to /addin/api/handoff.
    handoffUrl: new URL("api/handoff", pageUrl).toString(),
    fetch: window.fetch.bind(window),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    downloadBlob: (blob, fileName) => {
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.rel = "noopener";
      a.style.display = "none";
      document.body.appendChild(a);
      a.click();
      a.remove();
      // Revoke later: revoking at once cancels the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

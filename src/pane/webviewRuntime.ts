/**
 * Runs first in edge-runtime.js (engines that fail the pages' gate: webviewGate.js) and in every
 * legacy (ES5) bundle: what the old Office webviews lack that core-js (found by usage,
 * scripts/polyfill-loader.js) does not provide.
 *   - TextDecoder/TextEncoder (EdgeHTML 18, IE11): UTF-8 only, legacyText.ts;
 *   - Blob/File arrayBuffer() and text() (EdgeHTML 18, IE11): the pane reads chosen files with them;
 *   - the DOM methods the pane uses (replaceChildren: EdgeHTML 18; append, remove, closest: IE11),
 *     legacyDom.ts.
 * Each is installed only where missing. The e2e takes these away (test/e2e/webviews.ts).
 */
import { installLegacyDom } from "./legacyDom";
import { installTextDecoder } from "./legacyText";

/** Reads a Blob through FileReader, which every webview has. */
function read<T>(blob: Blob, win: Window & typeof globalThis, how: (r: FileReader) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const reader = new win.FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
    how(reader);
  });
}

export function installBlobReaders(win: Window & typeof globalThis): void {
  const blob = win.Blob.prototype as unknown as Record<string, unknown>;
  if (typeof blob.arrayBuffer !== "function") {
    blob.arrayBuffer = function arrayBuffer(this: Blob): Promise<ArrayBuffer> {
      return read(this, win, (r) => r.readAsArrayBuffer(this));
    };
  }
  if (typeof blob.text !== "function") {
    blob.text = function text(this: Blob): Promise<string> {
      return read(this, win, (r) => r.readAsText(this, "utf-8"));
    };
  }
}

installTextDecoder(window);
installBlobReaders(window);
installLegacyDom(window);

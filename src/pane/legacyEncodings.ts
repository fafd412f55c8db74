/**
 * Where the webview has no TextDecoder (EdgeHTML 18, IE11), legacyText.ts installs a UTF-8-only one
 * at start. The libraries of the lazy chunks that read and write files ask for more: fontkit builds
 * `new TextDecoder("ascii")` when its module is evaluated and reads font names as UTF-16BE and Mac
 * Roman (legacyDecoders.ts). Those chunks import this module first, so the first load does without
 * the tables. A native TextDecoder is left as it is; importing this twice changes nothing.
 */
import { withLegacyEncodings } from "./legacyDecoders";
import { UTF8_ONLY } from "./legacyText";

export function installLegacyEncodings(win: Window & typeof globalThis): void {
  const current = win.TextDecoder as unknown as Record<string, unknown> | undefined;
  if (!current || current[UTF8_ONLY] !== true) return;
  (win as unknown as Record<string, unknown>).TextDecoder = withLegacyEncodings(win.TextDecoder as unknown as Parameters<typeof withLegacyEncodings>[0]);
}

if (typeof window !== "undefined") installLegacyEncodings(window);

/**
 * TextDecoder/TextEncoder for IE11 (UTF-8 only): fast-text-encoding. Its fast path decodes through a
 * blob: URL and a synchronous XHR, which the pages' CSP (connect-src 'self') rightly blocks; the
 * polyfill decides at load time, so it is loaded with URL.createObjectURL out of sight and uses its
 * plain JavaScript decoder. GB18030 is then refused with a message (src/import/decode.ts).
 */
export function installTextDecoder(win: Window & typeof globalThis): void {
  if (typeof win.TextDecoder === "function") return;
  const url = win.URL as unknown as Record<string, unknown>;
  const create = url.createObjectURL;
  url.createObjectURL = undefined;
  try {
    require("fast-text-encoding");
  } finally {
    url.createObjectURL = create;
  }
}

/**
 * TextDecoder/TextEncoder for IE11 (UTF-8 only): fast-text-encoding. Its fast path decodes through a
 * blob: URL and a synchronous XHR, which the pages' CSP (connect-src 'self') rightly blocks; the
 * polyfill decides at load time, so it is loaded with URL.createObjectURL out of sight and uses its
 * plain JavaScript decoder. GB18030 is then refused with a message (src/import/decode.ts).
 */
/** Marks the UTF-8-only TextDecoder installed here, for legacyEncodings.ts to widen. */
export const UTF8_ONLY = "__xxgkUtf8Only";

export function installTextDecoder(win: Window & typeof globalThis): void {
  if (typeof win.TextDecoder === "function") return;
  const url = win.URL as unknown as Record<string, unknown>;
  const create = url.createObjectURL;
  url.createObjectURL = undefined;
  try {
    require("fast-text-encoding");
  } finally {
    url.createObjectURL = create;
    // Should a bundle's core-js put its URL in place of the native one meanwhile (IE11 has no URL
    // constructor), that URL copied createObjectURL while it was out of sight.
    const now = win.URL as unknown as Record<string, unknown>;
    if (typeof now.createObjectURL !== "function") now.createObjectURL = create;
  }
  // The PDF export's font code asks for "ascii", UTF-16 and Mac Roman too: the chunks that read or
  // write files widen this decoder when they load (legacyEncodings.ts), not the first load.
  (win.TextDecoder as unknown as Record<string, unknown>)[UTF8_ONLY] = true;
}

/**
 * The add-in's PDF fonts: fetched from our own origin on the first PDF export (~16 MB, so never in
 * the JS bundle), kept in Cache Storage so later sessions start offline-fast. Globals are read only
 * when called, and can be injected for tests.
 */
import { FONT_ROLES, FONTS_VERSION, PDF_FONT_FILES, type FontBytes, type FontRole } from "./fonts";

export interface FontLoaderEnv {
  fetch: typeof fetch;
  /** Cache Storage, when the webview offers it (not in every Office webview or insecure context). */
  caches?: CacheStorage;
}

const CACHE_NAME = `xxgk-fonts-${FONTS_VERSION}`;
const OTTO = 0x4f54544f;

function looksLikeFont(bytes: Uint8Array): boolean {
  return bytes.byteLength > 12 && new DataView(bytes.buffer, bytes.byteOffset).getUint32(0) === OTTO;
}

async function fetchOne(url: string, env: FontLoaderEnv): Promise<Uint8Array> {
  const cache = env.caches ? await env.caches.open(CACHE_NAME).catch(() => undefined) : undefined;
  const hit = await cache?.match(url);
  if (hit) {
    const bytes = new Uint8Array(await hit.arrayBuffer());
    if (looksLikeFont(bytes)) return bytes;
    await cache?.delete(url);
  }
  const res = await env.fetch(url, { credentials: "same-origin" });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // A proxy's HTML error page must not be cached or handed to the PDF engine as a font.
  if (!looksLikeFont(bytes)) throw new Error(`${url}: not a font`);
  await cache?.put(url, new Response(bytes.slice(), { headers: { "Content-Type": "font/otf" } })).catch(() => undefined);
  return bytes;
}

let pending: { key: string; promise: Promise<FontBytes> } | null = null;

/** Load the five fonts from `${baseUrl}/` (e.g. https://host/fonts). Concurrent calls share one load. */
export function loadFontsFromUrl(baseUrl: string, env?: FontLoaderEnv): Promise<FontBytes> {
  const e: FontLoaderEnv = env ?? { fetch: globalThis.fetch.bind(globalThis), caches: globalThis.caches };
  const base = baseUrl.replace(/\/+$/, "");
  if (pending && pending.key === base) return pending.promise;
  const promise = Promise.all(
    FONT_ROLES.map(async (r) => [r, await fetchOne(`${base}/${PDF_FONT_FILES[r]}?v=${FONTS_VERSION}`, e)] as const),
  ).then((entries) => Object.fromEntries(entries) as Record<FontRole, Uint8Array>);
  pending = { key: base, promise };
  // A failed load is retried on the next export instead of being remembered.
  promise.catch(() => {
    if (pending?.promise === promise) pending = null;
  });
  return promise;
}

/**
 * Serving the built add-in (dist/): files only, no listing, no dotfiles, nothing outside the
 * folder. Own code rather than @fastify/static: that plugin's content-disposition dependency is
 * ESM-only, which jest (CommonJS) cannot load, and the add-in needs only this much.
 */
import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".jpg": "image/jpeg",
  ".otf": "font/otf",
  ".ttf": "font/ttf",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  // The WPS add-in's offline package (docs/wps.md).
  ".7z": "application/x-7z-compressed",
};

/** Long-lived: fonts and images (fonts carry a version query); everything else revalidates. */
const LONG_CACHE = /\.(otf|ttf|woff2|png|ico|jpg|svg)$/;

/** The file a URL path names inside root, or null (dotfiles, traversal, bad encoding). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0]!);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (decoded.includes("\0") || decoded.includes("\\") || /[\u0000-\u001f]/.test(decoded)) return null;
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.length === 0 || segments.some((s) => s.startsWith("."))) return null;
  const file = path.resolve(root, ...segments);
  return file.startsWith(path.resolve(root) + path.sep) ? file : null;
}

/** The file's real path when it (after every symlink) is still inside realRoot; null otherwise. */
async function realInside(realRoot: string, file: string): Promise<string | null> {
  const real = await realpath(file).catch(() => null);
  return real && real.startsWith(realRoot + path.sep) ? real : null;
}

export function registerStatic(app: FastifyInstance, root: string, notFound: (req: FastifyRequest, reply: FastifyReply) => FastifyReply): void {
  let realRoot: Promise<string> | null = null;
  const serve = async (req: FastifyRequest, reply: FastifyReply) => {
    const asked = resolveInside(root, req.url);
    const type = asked ? TYPES[path.extname(asked).toLowerCase()] : undefined;
    if (!asked || !type) return notFound(req, reply);
    // A symlink inside dist/ must not lead out of it.
    realRoot ??= realpath(root).catch(() => path.resolve(root));
    const file = await realInside(await realRoot, asked);
    if (!file) return notFound(req, reply);
    const st = await stat(file).catch(() => null);
    if (!st?.isFile()) return notFound(req, reply);
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    reply
      .header("Content-Type", type)
      .header("ETag", etag)
      .header("Last-Modified", st.mtime.toUTCString())
      .header("Cache-Control", LONG_CACHE.test(file) ? "public, max-age=604800" : "no-cache");
    if (req.headers["if-none-match"] === etag) return reply.code(304).send();
    reply.header("Content-Length", st.size);
    if (req.method === "HEAD") return reply.send();
    return reply.send(createReadStream(file));
  };
  app.get("/*", serve);
}

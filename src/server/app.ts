/**
 * The add-in's production web server: serves the built add-in (dist/) and the hand-off endpoint
 * the desktop task pane uses to deliver an exported file (src/delivery/saveFile.ts):
 *   POST /api/handoff       body = file bytes, X-File-Name = percent-encoded UTF-8 name,
 *                           Content-Type = docx | pdf | html  →  201 {url, expiresAt}
 *   GET  /api/handoff/:id   the file once, as an attachment; afterwards (or after 2 min) 404
 * Files live in memory only. The custom X-File-Name header also keeps other sites out: a
 * cross-origin page cannot send it without a CORS preflight, which this server never answers.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import { EXPORT_KINDS, kindOfMimeType, type ExportKind } from "../document/kinds";
import { DEFAULT_LIMITS, HandoffStore, type HandoffLimits } from "./handoff";
import { DOWNLOAD_CSP, contentDisposition, paneCsp, DEFAULT_FRAME_ANCESTORS } from "./headers";
import { serverText } from "./messages";
import { registerStatic } from "./static";

export interface ServerOptions {
  /** The built add-in to serve; null serves only the API (tests). */
  distDir?: string | null;
  /** TLS key and certificate; null for plain HTTP (only behind a TLS proxy, or in tests). */
  https?: { key: string | Buffer; cert: string | Buffer } | null;
  /** Origin used in hand-off URLs (e.g. https://xxgk.example.gov.cn); default: the request's own. */
  publicUrl?: string;
  limits?: Partial<HandoffLimits>;
  /** Clock, injectable so tests can expire links without waiting. */
  now?: () => number;
  frameAncestors?: readonly string[];
  logger?: boolean;
}

const FILE_NAME_HEADER = "x-file-name";
const MAGIC: Record<ExportKind, (b: Buffer) => boolean> = {
  docx: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  pdf: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-",
  html: () => true,
};

/** The decoded file name, or null when absent or unsafe. */
function fileNameOf(header: string | string[] | undefined): string | null {
  if (typeof header !== "string" || header.length > 1000) return null;
  let name: string;
  try {
    name = decodeURIComponent(header).trim();
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (!name || [...name].length > 200 || /[\u0000-\u001f\u007f/\\]/.test(name) || name.startsWith(".")) return null;
  return name;
}

function kindOfName(name: string): ExportKind | null {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(EXPORT_KINDS)) if (lower.endsWith(v.extension)) return k as ExportKind;
  return null;
}

/** The instance (typed as HTTP: an HTTPS server has the same request and reply objects). */
export function createServer(opts: ServerOptions = {}): FastifyInstance {
  const limits: HandoffLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const store = new HandoffStore(limits, opts.now ?? Date.now);
  const app = (opts.https
    ? Fastify({ https: opts.https, logger: opts.logger ?? false })
    : Fastify({ logger: opts.logger ?? false })) as unknown as FastifyInstance;
  const csp = paneCsp(opts.frameAncestors ?? DEFAULT_FRAME_ANCESTORS);
  const secure = Boolean(opts.https);

  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "no-referrer");
    if (secure) reply.header("Strict-Transport-Security", "max-age=31536000");
    const type = String(reply.getHeader("content-type") ?? "");
    if (!reply.hasHeader("content-security-policy") && type.startsWith("text/html")) reply.header("Content-Security-Policy", csp);
    return payload;
  });

  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE" || err.statusCode === 413) {
      return reply.code(413).send({ error: serverText.tooLarge(Math.round(limits.maxBytes / 1024 / 1024)) });
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? 400 : 500;
    if (status === 500) app.log.error(err);
    return reply.code(status).send({ error: status === 400 ? serverText.badType : "internal error" });
  });
  const notFound = (reply: FastifyReply) => reply.code(404).header("Cache-Control", "no-store").send({ error: serverText.notFound });
  app.setNotFoundHandler((_req, reply) => notFound(reply));

  // Any content type reaches the handler as bytes; the handler decides (400 with a reason).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer", bodyLimit: limits.maxBytes }, (_req, body, done) => done(null, body));

  app.post("/api/handoff", { bodyLimit: limits.maxBytes }, async (req, reply) => {
    const name = fileNameOf(req.headers[FILE_NAME_HEADER]);
    if (!name) return reply.code(400).send({ error: serverText.badFileName });
    const kind = kindOfMimeType(req.headers["content-type"]);
    if (!kind) return reply.code(400).send({ error: serverText.badType });
    if (kindOfName(name) !== kind) return reply.code(400).send({ error: serverText.typeMismatch });
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) return reply.code(400).send({ error: serverText.emptyBody });
    if (!MAGIC[kind](body)) return reply.code(400).send({ error: serverText.notAFile });
    const parked = store.put(new Uint8Array(body), name, kind);
    if (!parked) return reply.code(503).send({ error: serverText.busy });
    const base = (opts.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/+$/, "");
    return reply
      .code(201)
      .header("Cache-Control", "no-store")
      .send({ url: `${base}/api/handoff/${parked.id}`, expiresAt: new Date(parked.expiresAt).toISOString() });
  });

  // No HEAD route: a HEAD (link preview, virus scanner) must not use up the one download.
  app.get<{ Params: { id: string } }>("/api/handoff/:id", { exposeHeadRoute: false }, async (req, reply) => {
    const e = store.take(req.params.id);
    if (!e) return notFound(reply);
    return reply
      .header("Content-Type", EXPORT_KINDS[e.kind].mimeType)
      .header("Content-Disposition", contentDisposition(e.fileName))
      .header("Content-Security-Policy", DOWNLOAD_CSP)
      .header("Cache-Control", "no-store")
      .send(Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.byteLength));
  });

  app.get("/api/health", async () => ({ ok: true }));

  if (opts.distDir) registerStatic(app, opts.distDir, notFound);

  const timer = setInterval(() => store.sweep(), 30_000);
  timer.unref();
  app.addHook("onClose", async () => clearInterval(timer));
  return app;
}

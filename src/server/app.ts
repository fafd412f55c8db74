/**
 * The add-in's production web server: serves the built add-in (dist/) and the hand-off endpoint
 * the desktop task pane uses to deliver an exported file (src/delivery/saveFile.ts):
 *   GET  /api/handoff/token  {token, expiresAt}: a one-use upload token for our own pages
 *   POST /api/handoff       body = file bytes, X-File-Name = percent-encoded UTF-8 name,
 *                           X-Handoff-Token = the token, Content-Length required,
 *                           Content-Type = docx | pdf | html  →  201 {url, expiresAt}
 *   GET  /api/handoff/:id   the file once, as an attachment; afterwards (or after 2 min) 404
 * Files live in memory only, bounded before they are received (./handoff) and received into one
 * buffer of the declared length (never concatenated or copied). The custom headers also keep other
 * sites out: a cross-origin page cannot send them without a CORS preflight, which this server
 * never answers. The hand-off is off (503) until the public URL is set: without it the server
 * cannot tell its own pages from a DNS-rebinding page that names our address under its own host.
 * Any other unknown path gets a plain 404 page. Limits and how to change them: docs/deployment.md.
 */
import type { Socket } from "node:net";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { EXPORT_KINDS, kindOfMimeType, type ExportKind } from "../document/kinds";
import { DEFAULT_LIMITS, HandoffStore, type HandoffLimits, type Reservation } from "./handoff";
import { DOWNLOAD_CSP, builtPageDirectives, contentDisposition, paneCsp, DEFAULT_FRAME_ANCESTORS } from "./headers";
import { serverText } from "./messages";
import { registerStatic } from "./static";
import { sameOrigin, TokenIssuer, TOKEN_HEADER } from "./uploadGuard";

export interface ServerOptions {
  /** The built add-in to serve; null serves only the API (tests). */
  distDir?: string | null;
  /** TLS key and certificate; null for plain HTTP (only behind a TLS proxy, or in tests). */
  https?: { key: string | Buffer; cert: string | Buffer } | null;
  /**
   * Origin used in hand-off URLs and the only Origin uploads may come from (e.g.
   * https://xxgk.example.gov.cn). Unset: the hand-off answers 503 (static files are still served).
   */
  publicUrl?: string;
  limits?: Partial<HandoffLimits>;
  timeouts?: Partial<ServerTimeouts>;
  /** Clock, injectable so tests can expire links without waiting. */
  now?: () => number;
  frameAncestors?: readonly string[];
  logger?: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (per-client bounds). */
  trustProxy?: boolean;
}

/** Connection limits against slow or idle clients (all in ms; see docs/deployment.md). */
export interface ServerTimeouts {
  /** Whole request, headers and body: a 20 MB upload needs seconds; 1 byte every 10 s is cut off. */
  requestMs: number;
  /** Headers must arrive within this. */
  headersMs: number;
  /** A socket with no traffic at all is closed. */
  idleMs: number;
  /** An idle keep-alive connection is closed. */
  keepAliveMs: number;
  /** Open connections from one client address; more are closed at once. */
  perClientConnections: number;
  /** Uploads being received at once, all clients together; more get 503 before their body is read. */
  uploadsInFlight: number;
}

export const DEFAULT_TIMEOUTS: ServerTimeouts = { requestMs: 60_000, headersMs: 10_000, idleMs: 30_000, keepAliveMs: 5_000, perClientConnections: 32, uploadsInFlight: 8 };

/** Lifetime of an upload token (the pane asks for one just before each upload). */
const TOKEN_TTL_MS = 5 * 60_000;

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

/**
 * The body of an upload whose room is reserved, read into one buffer of exactly the declared
 * length as it arrives: no list of chunks to concatenate, no copy, so the memory an upload uses
 * is the room it reserved. More bytes than declared cannot arrive (Node's parser stops at
 * Content-Length); fewer (the client gave up) is an error and the room is given back.
 */
function receiveInto(stream: NodeJS.ReadableStream, length: number, done: (err: Error | null, body?: Buffer) => void): void {
  const body = Buffer.allocUnsafeSlow(length);
  let at = 0;
  let finished = false;
  const finish = (err: Error | null) => {
    if (finished) return;
    finished = true;
    done(err, err ? undefined : body);
  };
  stream.on("data", (chunk: Buffer) => {
    if (at + chunk.length > length) return finish(Object.assign(new Error("body longer than declared"), { statusCode: 400 }));
    chunk.copy(body, at);
    at += chunk.length;
  });
  stream.on("end", () => finish(at === length ? null : Object.assign(new Error("body shorter than declared"), { statusCode: 400 })));
  stream.on("error", (e: Error) => finish(e));
}

/** Close connections beyond `max` open ones from one address, so one client cannot hold them all. */
function limitConnectionsPerClient(app: FastifyInstance, max: number): void {
  const open = new Map<string, number>();
  app.server.on("connection", (socket: Socket) => {
    const ip = socket.remoteAddress ?? "";
    const n = (open.get(ip) ?? 0) + 1;
    if (n > max) {
      socket.destroy();
      return;
    }
    open.set(ip, n);
    socket.once("close", () => {
      const left = (open.get(ip) ?? 1) - 1;
      if (left <= 0) open.delete(ip);
      else open.set(ip, left);
    });
  });
}

/** The instance (typed as HTTP: an HTTPS server has the same request and reply objects). */
export function createServer(opts: ServerOptions = {}): FastifyInstance {
  const limits: HandoffLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const timeouts: ServerTimeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  // Node ignores the request timeout while a longer header timeout is pending.
  timeouts.headersMs = Math.min(timeouts.headersMs, timeouts.requestMs);
  const now = opts.now ?? Date.now;
  const store = new HandoffStore(limits, now);
  const tokens = new TokenIssuer(TOKEN_TTL_MS, now);
  const publicOrigin = opts.publicUrl ? new URL(opts.publicUrl).origin : null;
  const publicBase = opts.publicUrl?.replace(/\/+$/, "") ?? "";
  const common = {
    logger: opts.logger ?? false,
    trustProxy: opts.trustProxy ?? false,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
  };
  // Node checks request and header timeouts on this interval (30 s by default: too coarse).
  const node = { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: Math.max(250, Math.min(5000, Math.floor(timeouts.requestMs / 4))) };
  const app = (opts.https ? Fastify({ ...common, https: { ...node, ...opts.https } }) : Fastify({ ...common, http: node })) as unknown as FastifyInstance;
  // Behind a proxy every connection comes from the proxy: it limits connections, we limit bytes.
  if (!opts.trustProxy) limitConnectionsPerClient(app, timeouts.perClientConnections);
  // The header must allow what the pages' meta policy allows (browsers enforce both): the build's own record.
  const builtDirectives = opts.distDir ? builtPageDirectives(opts.distDir) : null;
  const csp = paneCsp(opts.frameAncestors ?? DEFAULT_FRAME_ANCESTORS, builtDirectives ?? undefined);
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
  // A link that is gone says so (the clerk opened it in a browser); any other unknown path is a plain 404.
  const linkGone = (reply: FastifyReply) => reply.code(404).header("Cache-Control", "no-store").send({ error: serverText.notFound });
  const notFound = (req: FastifyRequest, reply: FastifyReply) =>
    req.url.startsWith("/api/")
      ? reply.code(404).header("Cache-Control", "no-store").send({ error: serverText.noSuchApi })
      : reply.code(404).header("Cache-Control", "no-store").type("text/html; charset=utf-8").send(serverText.notFoundPage);
  app.setNotFoundHandler(notFound);
  const handoffOff = (reply: FastifyReply) => reply.code(503).header("Cache-Control", "no-store").send({ error: serverText.handoffOff });

  // Any content type reaches the handler as bytes; the handler decides (400 with a reason).
  // Only an upload whose room is reserved is read at all (the reservation is made before).
  const reservations = new WeakMap<object, Reservation>();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (req, payload, done) => {
    const r = reservations.get(req);
    if (!r) return done(Object.assign(new Error("no room reserved"), { statusCode: 413 }));
    receiveInto(payload, r.bytes, done);
  });

  // Our own pages get a token right before an upload; other sites cannot read it (no CORS).
  app.get("/api/handoff/token", async (req, reply) => {
    if (!publicOrigin) return handoffOff(reply);
    if (!sameOrigin(req.headers, publicOrigin)) return reply.code(403).send({ error: serverText.notOurPage });
    const t = tokens.issue();
    return reply.header("Cache-Control", "no-store").send({ token: t.token, expiresAt: new Date(t.expiresAt).toISOString() });
  });

  // Before a byte of the body is read: who is asking, how much, and is there room for it.
  // A refused upload's connection is closed after the answer, so its body is never read.
  let receiving = 0;
  app.addHook("onRequest", async (req, reply) => {
    if (req.method !== "POST" || req.routeOptions.url !== "/api/handoff") return;
    reply.header("Connection", "close");
    if (!publicOrigin) return handoffOff(reply);
    if (!sameOrigin(req.headers, publicOrigin)) return reply.code(403).send({ error: serverText.notOurPage });
    if (!tokens.redeem(req.headers[TOKEN_HEADER])) return reply.code(403).send({ error: serverText.badToken });
    const declared = req.headers["content-length"];
    if (declared === undefined || !/^\d{1,12}$/.test(declared)) return reply.code(411).send({ error: serverText.lengthRequired });
    const length = Number(declared);
    if (length > limits.maxBytes) return reply.code(413).send({ error: serverText.tooLarge(Math.round(limits.maxBytes / 1024 / 1024)) });
    // A bound on uploads received at once, whatever their size: each holds a socket and its buffers.
    if (receiving >= timeouts.uploadsInFlight) return reply.code(503).header("Retry-After", "30").send({ error: serverText.busy });
    const r = store.reserve(req.ip, length);
    if (!r.ok) {
      return reply
        .code(r.reason === "full" ? 503 : 429)
        .header("Retry-After", "30")
        .send({ error: r.reason === "full" ? serverText.busy : serverText.clientBusy });
    }
    reservations.set(req, r.reservation);
    receiving++;
    // Kept alive once accepted (the answer is small); the room is given back whatever happens.
    reply.removeHeader("Connection");
    reply.raw.once("close", () => {
      receiving--;
      store.release(r.reservation);
    });
  });
  app.addHook("onResponse", async (req) => {
    const r = reservations.get(req);
    if (r) store.release(r);
  });

  app.post("/api/handoff", { bodyLimit: limits.maxBytes }, async (req, reply) => {
    const name = fileNameOf(req.headers[FILE_NAME_HEADER]);
    if (!name) return reply.code(400).send({ error: serverText.badFileName });
    const kind = kindOfMimeType(req.headers["content-type"]);
    if (!kind) return reply.code(400).send({ error: serverText.badType });
    if (kindOfName(name) !== kind) return reply.code(400).send({ error: serverText.typeMismatch });
    const body = req.body;
    if (!Buffer.isBuffer(body) || body.length === 0) return reply.code(400).send({ error: serverText.emptyBody });
    if (!MAGIC[kind](body)) return reply.code(400).send({ error: serverText.notAFile });
    // A view of the received buffer, not a copy (a copy would double the memory held).
    const parked = store.put(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), name, kind, reservations.get(req), req.ip);
    if (!parked) return reply.code(503).send({ error: serverText.busy });
    return reply
      .code(201)
      .header("Cache-Control", "no-store")
      .send({ url: `${publicBase}/api/handoff/${parked.id}`, expiresAt: new Date(parked.expiresAt).toISOString() });
  });

  // No HEAD route: a HEAD (link preview, virus scanner) must not use up the one download.
  app.get<{ Params: { id: string } }>("/api/handoff/:id", { exposeHeadRoute: false }, async (req, reply) => {
    if (!publicOrigin) return handoffOff(reply);
    const e = store.take(req.params.id);
    if (!e) return linkGone(reply);
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

/**
 * `npm run serve` (tsx src/server/main.ts): the add-in's HTTPS server for an intranet host.
 * Environment:
 *   XXGK_PORT (3000) · XXGK_HOST (0.0.0.0) · XXGK_DIST (dist)
 *   XXGK_TLS_CERT / XXGK_TLS_KEY   PEM files; default ~/.office-addin-dev-certs/localhost.{crt,key}
 *   XXGK_HTTP=1                    plain HTTP, only behind a TLS-terminating proxy or for tests
 *   XXGK_PUBLIC_URL                the add-in's address (hand-off links, the only Origin uploads
 *                                  may come from); unset, the hand-off is off (503)
 *   XXGK_FRAME_ANCESTORS           space-separated CSP frame-ancestors (on-premises Office Online Server)
 * Limits (docs/deployment.md):
 *   XXGK_MAX_UPLOAD_MB (20) · XXGK_STORE_MB (200) · XXGK_CLIENT_STORE_MB (60) · XXGK_LINK_TTL_S (120)
 *   XXGK_REQUEST_TIMEOUT_S (60) · XXGK_HEADERS_TIMEOUT_S (10) · XXGK_IDLE_TIMEOUT_S (30)
 *   XXGK_KEEPALIVE_TIMEOUT_S (5) · XXGK_CLIENT_CONNECTIONS (32) · XXGK_UPLOADS_IN_FLIGHT (8)
 *   XXGK_TRUST_PROXY=1 (client = X-Forwarded-For)
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { createServer, type ServerTimeouts } from "./app";
import type { HandoffLimits } from "./handoff";
import { DEFAULT_FRAME_ANCESTORS } from "./headers";
import { serverText } from "./messages";

function tls(env: NodeJS.ProcessEnv): { key: Buffer; cert: Buffer } | null {
  if (env.XXGK_HTTP === "1") return null;
  const devDir = path.join(homedir(), ".office-addin-dev-certs");
  const cert = env.XXGK_TLS_CERT ?? path.join(devDir, "localhost.crt");
  const key = env.XXGK_TLS_KEY ?? path.join(devDir, "localhost.key");
  if (!existsSync(cert) || !existsSync(key)) throw new Error(serverText.noCerts(devDir));
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

/** A positive number from the environment, or undefined (then the default applies). */
function num(env: NodeJS.ProcessEnv, name: string, scale: number): number | undefined {
  const v = env[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(serverText.badSetting(name, v));
  return Math.round(n * scale);
}

/** Limits and timeouts set in the environment (only those given; the rest keep their defaults). */
export function settingsFromEnv(env: NodeJS.ProcessEnv): { limits: Partial<HandoffLimits>; timeouts: Partial<ServerTimeouts> } {
  const MB = 1024 * 1024;
  const pick = <T extends object>(o: Record<string, number | undefined>): Partial<T> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    limits: pick<HandoffLimits>({
      maxBytes: num(env, "XXGK_MAX_UPLOAD_MB", MB),
      maxTotalBytes: num(env, "XXGK_STORE_MB", MB),
      perClientBytes: num(env, "XXGK_CLIENT_STORE_MB", MB),
      ttlMs: num(env, "XXGK_LINK_TTL_S", 1000),
    }),
    timeouts: pick<ServerTimeouts>({
      requestMs: num(env, "XXGK_REQUEST_TIMEOUT_S", 1000),
      headersMs: num(env, "XXGK_HEADERS_TIMEOUT_S", 1000),
      idleMs: num(env, "XXGK_IDLE_TIMEOUT_S", 1000),
      keepAliveMs: num(env, "XXGK_KEEPALIVE_TIMEOUT_S", 1000),
      perClientConnections: num(env, "XXGK_CLIENT_CONNECTIONS", 1),
      uploadsInFlight: num(env, "XXGK_UPLOADS_IN_FLIGHT", 1),
    }),
  };
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const distDir = path.resolve(env.XXGK_DIST ?? "dist");
  if (!existsSync(distDir)) throw new Error(serverText.noDist(distDir));
  const https = tls(env);
  if (env.XXGK_PUBLIC_URL && !/^https?:\/\/[^/]/.test(env.XXGK_PUBLIC_URL)) throw new Error(serverText.badPublicUrl(env.XXGK_PUBLIC_URL));
  const app = createServer({
    distDir,
    https,
    ...(env.XXGK_PUBLIC_URL ? { publicUrl: env.XXGK_PUBLIC_URL } : {}),
    ...settingsFromEnv(env),
    trustProxy: env.XXGK_TRUST_PROXY === "1",
    frameAncestors: env.XXGK_FRAME_ANCESTORS ? env.XXGK_FRAME_ANCESTORS.split(/\s+/).filter(Boolean) : DEFAULT_FRAME_ANCESTORS,
    logger: true,
  });
  const port = Number(env.XXGK_PORT ?? 3000);
  const host = env.XXGK_HOST ?? "0.0.0.0";
  await app.listen({ port, host });
  if (!env.XXGK_PUBLIC_URL) console.warn(serverText.noPublicUrl);
  console.log(serverText.listening(`${https ? "https" : "http"}://${host === "0.0.0.0" ? "localhost" : host}:${port}/`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void app.close().then(() => process.exit(0)));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

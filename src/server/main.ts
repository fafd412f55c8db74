/**
 * `npm run serve` (tsx src/server/main.ts): the add-in's HTTPS server for an intranet host.
 * Environment:
 *   XXGK_PORT (3000) · XXGK_HOST (0.0.0.0) · XXGK_DIST (dist)
 *   XXGK_TLS_CERT / XXGK_TLS_KEY   PEM files; default ~/.office-addin-dev-certs/localhost.{crt,key}
 *   XXGK_HTTP=1                    plain HTTP, only behind a TLS-terminating proxy or for tests
 *   XXGK_PUBLIC_URL                origin used in hand-off links when behind a proxy
 *   XXGK_FRAME_ANCESTORS           space-separated CSP frame-ancestors (on-premises Office Online Server)
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { createServer } from "./app";
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

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const distDir = path.resolve(env.XXGK_DIST ?? "dist");
  if (!existsSync(distDir)) throw new Error(serverText.noDist(distDir));
  const https = tls(env);
  const app = createServer({
    distDir,
    https,
    ...(env.XXGK_PUBLIC_URL ? { publicUrl: env.XXGK_PUBLIC_URL } : {}),
    frameAncestors: env.XXGK_FRAME_ANCESTORS ? env.XXGK_FRAME_ANCESTORS.split(/\s+/).filter(Boolean) : DEFAULT_FRAME_ANCESTORS,
    logger: true,
  });
  const port = Number(env.XXGK_PORT ?? 3000);
  const host = env.XXGK_HOST ?? "0.0.0.0";
  await app.listen({ port, host });
  console.log(serverText.listening(`${https ? "https" : "http"}://${host === "0.0.0.0" ? "localhost" : host}:${port}/`));
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.once(sig, () => void app.close().then(() => process.exit(0)));
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

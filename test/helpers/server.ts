/** The add-in server on a loopback port, its public URL set to that address (the hand-off needs one). */
import net, { type AddressInfo } from "node:net";
import { createServer, type ServerOptions } from "../../src/server/app";

/** A port free on 127.0.0.1 right now (the server is started on it at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export async function startServer(opts: ServerOptions = {}) {
  const port = await freePort();
  const base = `${opts.https ? "https" : "http"}://127.0.0.1:${port}`;
  const app = createServer({ publicUrl: base, ...opts });
  await app.listen({ port, host: "127.0.0.1" });
  return { app, port, base };
}

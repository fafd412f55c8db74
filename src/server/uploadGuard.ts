/**
 * Who may upload to the hand-off: the add-in's own pages. A page fetches a short-lived token from
 * GET api/handoff/token (a page on another site cannot read that response: there is no CORS) and
 * sends it with the upload; browsers' Origin and Sec-Fetch-Site must say "same origin" when sent.
 * Tokens are HMAC-signed with a key made at start-up, valid for a few minutes and used once.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const TOKEN_HEADER = "x-handoff-token";

export class TokenIssuer {
  private readonly key = randomBytes(32);
  private readonly used = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  issue(): { token: string; expiresAt: number } {
    const expiresAt = this.now() + this.ttlMs;
    const body = `${expiresAt.toString(36)}.${randomBytes(12).toString("base64url")}`;
    return { token: `${body}.${this.sign(body)}`, expiresAt };
  }

  /** True once for a genuine, unexpired token; false for anything else. */
  redeem(token: unknown): boolean {
    if (typeof token !== "string" || token.length > 200) return false;
    const parts = token.split(".");
    if (parts.length !== 3) return false;
    const body = `${parts[0]}.${parts[1]}`;
    const given = Buffer.from(parts[2]!, "base64url");
    const want = Buffer.from(this.sign(body), "base64url");
    if (given.length !== want.length || !timingSafeEqual(given, want)) return false;
    const expiresAt = Number.parseInt(parts[0]!, 36);
    const t = this.now();
    if (!(expiresAt > t)) return false;
    for (const [k, exp] of this.used) if (exp <= t) this.used.delete(k);
    if (this.used.has(body)) return false;
    this.used.set(body, expiresAt);
    return true;
  }

  private sign(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}

/**
 * Whether a browser request comes from our own pages. Sec-Fetch-Site, when sent, must be
 * same-origin (or none: typed in the address bar); Origin, when sent, must be `origin` (the
 * configured public URL; never compared with the Host header, which a DNS-rebinding page controls).
 * Clients that send neither (curl, older webviews) pass here and meet the token and the bounds.
 */
export function sameOrigin(headers: Record<string, string | string[] | undefined>, origin: string): boolean {
  const site = headers["sec-fetch-site"];
  if (typeof site === "string" && site !== "same-origin" && site !== "none") return false;
  const sent = headers.origin;
  return typeof sent !== "string" || sent === origin;
}

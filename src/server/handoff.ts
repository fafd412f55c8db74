/**
 * The hand-off store: exported files parked in memory for the desktop webviews that cannot
 * download a blob (notes/officejs.md §4). One random 128-bit id per file, served once, gone after
 * the first download or the time limit, whichever comes first. Nothing touches the disk.
 *
 * Memory is bounded before a byte is buffered: an upload first reserves its Content-Length, and
 * files held plus uploads being received never exceed maxTotalBytes, nor perClientBytes for one
 * client (so one client cannot fill the store and starve everyone else's exports).
 */
import { randomBytes } from "node:crypto";
import type { ExportKind } from "../document/kinds";

export interface HandoffEntry {
  bytes: Uint8Array;
  fileName: string;
  kind: ExportKind;
  expiresAt: number;
  client: string;
}

export interface HandoffLimits {
  /** How long an unused link lives (ms). */
  ttlMs: number;
  /** Largest file accepted (bytes). */
  maxBytes: number;
  /** Ceiling on files held plus uploads in flight, all clients together (bytes). */
  maxTotalBytes: number;
  /** The same ceiling for one client (one IP address). */
  perClientBytes: number;
}

export const DEFAULT_LIMITS: HandoffLimits = {
  ttlMs: 2 * 60_000,
  maxBytes: 20 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  perClientBytes: 60 * 1024 * 1024,
};

/** base64url of 16 random bytes. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Room held for one upload while its body arrives. */
export interface Reservation {
  readonly client: string;
  readonly bytes: number;
  open: boolean;
}

export type ReserveResult = { ok: true; reservation: Reservation } | { ok: false; reason: "full" | "client" };

export class HandoffStore {
  private readonly entries = new Map<string, HandoffEntry>();
  private held = 0;
  private reserved = 0;
  private readonly perClient = new Map<string, number>();

  constructor(
    readonly limits: HandoffLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly random: (n: number) => Buffer = randomBytes,
  ) {}

  /** Hold room for an upload of `bytes` from `client`, or say which ceiling it would break. */
  reserve(client: string, bytes: number): ReserveResult {
    this.sweep();
    if (this.held + this.reserved + bytes > this.limits.maxTotalBytes) return { ok: false, reason: "full" };
    if ((this.perClient.get(client) ?? 0) + bytes > this.limits.perClientBytes) return { ok: false, reason: "client" };
    this.reserved += bytes;
    this.charge(client, bytes);
    return { ok: true, reservation: { client, bytes, open: true } };
  }

  /** Give back an unused reservation (upload refused, aborted or timed out). Idempotent. */
  release(r: Reservation): void {
    if (!r.open) return;
    r.open = false;
    this.reserved -= r.bytes;
    this.charge(r.client, -r.bytes);
  }

  /**
   * Park a file. With a reservation it takes the reserved room (the file is never larger: the
   * body's length was checked against Content-Length); without one it must fit as it is.
   * Null when a ceiling would be exceeded.
   */
  put(bytes: Uint8Array, fileName: string, kind: ExportKind, reservation?: Reservation, client = "local"): { id: string; expiresAt: number } | null {
    this.sweep();
    const owner = reservation?.client ?? client;
    if (reservation?.open) this.release(reservation);
    if (this.held + this.reserved + bytes.byteLength > this.limits.maxTotalBytes) return null;
    if ((this.perClient.get(owner) ?? 0) + bytes.byteLength > this.limits.perClientBytes) return null;
    let id: string;
    do id = this.random(16).toString("base64url");
    while (this.entries.has(id));
    const expiresAt = this.now() + this.limits.ttlMs;
    this.entries.set(id, { bytes, fileName, kind, expiresAt, client: owner });
    this.held += bytes.byteLength;
    this.charge(owner, bytes.byteLength);
    return { id, expiresAt };
  }

  /** Hand a file out once: it is removed before it is returned. */
  take(id: string): HandoffEntry | null {
    this.sweep();
    if (!ID_PATTERN.test(id)) return null;
    const e = this.entries.get(id);
    if (!e) return null;
    this.remove(id, e);
    return e;
  }

  /** Drop expired files (also run on a timer by the server, so memory frees without traffic). */
  sweep(): void {
    const t = this.now();
    for (const [id, e] of this.entries) if (e.expiresAt <= t) this.remove(id, e);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of parked files. */
  get bytesHeld(): number {
    return this.held;
  }

  /** Bytes reserved by uploads still arriving. */
  get bytesReserved(): number {
    return this.reserved;
  }

  private charge(client: string, delta: number): void {
    const v = (this.perClient.get(client) ?? 0) + delta;
    if (v <= 0) this.perClient.delete(client);
    else this.perClient.set(client, v);
  }

  private remove(id: string, e: HandoffEntry): void {
    this.entries.delete(id);
    this.held -= e.bytes.byteLength;
    this.charge(e.client, -e.bytes.byteLength);
  }
}

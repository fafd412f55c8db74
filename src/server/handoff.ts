/**
 * The hand-off store: exported files parked in memory for the desktop webviews that cannot
 * download a blob (notes/officejs.md §4). One random 128-bit id per file, served once, gone after
 * the first download or the time limit, whichever comes first. Nothing touches the disk.
 */
import { randomBytes } from "node:crypto";
import type { ExportKind } from "../document/kinds";

export interface HandoffEntry {
  bytes: Uint8Array;
  fileName: string;
  kind: ExportKind;
  expiresAt: number;
}

export interface HandoffLimits {
  /** How long an unused link lives (ms). */
  ttlMs: number;
  /** Largest file accepted (bytes). */
  maxBytes: number;
  /** Ceiling on memory held by all parked files together (bytes). */
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: HandoffLimits = { ttlMs: 2 * 60_000, maxBytes: 20 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 };

/** base64url of 16 random bytes. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export class HandoffStore {
  private readonly entries = new Map<string, HandoffEntry>();
  private total = 0;

  constructor(
    readonly limits: HandoffLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly random: (n: number) => Buffer = randomBytes,
  ) {}

  /** Park a file; null when the memory ceiling would be exceeded. */
  put(bytes: Uint8Array, fileName: string, kind: ExportKind): { id: string; expiresAt: number } | null {
    this.sweep();
    if (this.total + bytes.byteLength > this.limits.maxTotalBytes) return null;
    let id: string;
    do id = this.random(16).toString("base64url");
    while (this.entries.has(id));
    const expiresAt = this.now() + this.limits.ttlMs;
    this.entries.set(id, { bytes, fileName, kind, expiresAt });
    this.total += bytes.byteLength;
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

  get bytesHeld(): number {
    return this.total;
  }

  private remove(id: string, e: HandoffEntry): void {
    this.entries.delete(id);
    this.total -= e.bytes.byteLength;
  }
}

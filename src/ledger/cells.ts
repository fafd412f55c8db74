/**
 * One register cell read by its column's kind (columns.ts): the only place that knows how a
 * date, a choice, 是/否 or text is read. Parsing (parse.ts) and the import plan (importPlan.ts)
 * both loop over the column table and call this.
 */
import type { RawCell } from "../report";
import type { ColumnDef } from "./columns";
import { parseDate } from "./dates";
import { VOCABULARIES, type Choice } from "./vocabulary";

/** A cell's text, trimmed; null when blank. */
export function cellText(v: RawCell | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v).trim();
  return s === "" ? null : s;
}

const YES = /^(是|y|yes|true|1|√|✓|✔|延期|已延期)$/i;
const NO = /^(否|n|no|false|0|×|不延期|未延期|无)$/i;

/** 是否延期 as written: true (是), false (否), or null when it says neither. */
export function parseExtended(text: string): boolean | null {
  return YES.test(text) ? true : NO.test(text) ? false : null;
}

export type CellRead =
  | { kind: "blank" }
  | { kind: "date"; day: number }
  | { kind: "choice"; choice: Choice }
  | { kind: "yesNo"; yes: boolean }
  | { kind: "text"; text: string }
  /** Written, but not as the column's kind allows: the original, for the message. */
  | { kind: "bad"; shown: string };

export function readCell(def: ColumnDef, raw: RawCell | undefined): CellRead {
  if (def.kind === "date") {
    const p = parseDate(raw ?? null);
    if (!p.ok) return { kind: "bad", shown: p.shown };
    return p.day === null ? { kind: "blank" } : { kind: "date", day: p.day };
  }
  const t = cellText(raw);
  if (t === null) return { kind: "blank" };
  if (def.kind === "choice") {
    const m = VOCABULARIES[def.vocabulary!].match(t);
    return m ? { kind: "choice", choice: m.choice } : { kind: "bad", shown: t };
  }
  if (def.kind === "yesNo") {
    const e = parseExtended(t);
    return e === null ? { kind: "bad", shown: t } : { kind: "yesNo", yes: e };
  }
  return { kind: "text", text: t };
}

/**
 * The conflicts of a write preview (结转/导入 and 汇总): one unchecked checkbox per cell or text the
 * workbook already holds differently, with what it holds and what would replace it. One markup for
 * both panels, so their keyboard, labels and test hooks agree.
 */
import type { RawCell } from "../report/values";
import { h } from "./dom";
import { TRANSFER_STRINGS } from "./transferStrings";

export interface ConflictItem {
  key: string;
  label: string;
  /** "现在 → 写入后" in words. */
  change: string;
}

/** A cell's value as the preview shows it: 空白 for blank, TRUE/FALSE as Excel writes them. */
export function shownValue(v: RawCell): string {
  if (v === null || (typeof v === "string" && v.trim() === "")) return TRANSFER_STRINGS.blank;
  return typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v);
}

/**
 * The fieldset of conflicts. `idPrefix` keeps the two panels' checkbox ids apart; `hook` is the
 * panel's data attribute ("data-transfer", "data-rollup") the e2e tests find it by.
 */
export function conflictList(items: readonly ConflictItem[], accepted: readonly string[], toggle: (key: string) => void, idPrefix: string, hook: string): HTMLElement {
  const id = (key: string) => `${idPrefix}-${key.replace(/[^A-Za-z0-9]/g, "-")}`;
  return h(
    "fieldset",
    { class: "conflicts", attrs: { [hook]: "conflicts" } },
    h("legend", { class: "transfer-h" }, TRANSFER_STRINGS.conflictsLegend(items.length)),
    h(
      "ul",
      { class: "conflict-list" },
      ...items.map((c) => {
        const box = h("input", { type: "checkbox", id: id(c.key), attrs: { "data-key": c.key }, on: { change: () => toggle(c.key) } });
        box.checked = accepted.includes(c.key);
        return h("li", {}, box, h("label", { attrs: { for: id(c.key) } }, h("span", { class: "conflict-label" }, c.label), h("span", { class: "conflict-change" }, c.change)));
      }),
    ),
  );
}

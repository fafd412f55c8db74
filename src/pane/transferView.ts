/**
 * The 结转/导入 panel's DOM: choose a file or paste text, then the preview (what gets filled,
 * the conflicts as unchecked checkboxes, what the source could not place) and confirm. Native
 * controls only, text through textContent, Escape closes (pasted text is kept). Reading and
 * errors are announced by the pane's persistent live regions (view.ts), not by these elements.
 */
import { h, hiddenFileInput, icon } from "./dom";
import type { TransferPanel } from "./state";
import { S } from "./strings";
import { TRANSFER_STRINGS } from "./transferStrings";
import { conflictList, shownValue as shown } from "./conflictView";
import { blockHeading, previewCounts, type TransferPreview } from "../workflow/transfer";
import type { LedgerNumbers } from "../workflow/fill";

export interface TransferHandlers {
  close(): void;
  file(file: File): void;
  paste(text: string): void;
  toggle(key: string): void;
  confirm(): void;
  back(): void;
}

const T = TRANSFER_STRINGS;
const ACCEPT = ".xlsx,.xlsm,.docx,.pdf,.html,.htm,.txt,.text,.md";


const L = S.ledger.numbers;

/**
 * 按台账填写: 表三/表四 as they will be — each changed cell with its value now and after, the change
 * marked in words too (not by colour alone); a conflict says whether its tick is on. A plain table
 * in a region that scrolls by keyboard when long (320 px pane: three narrow columns).
 */
function ledgerNumbersView(n: LedgerNumbers, accepted: readonly string[]): HTMLElement[] {
  const out: HTMLElement[] = [];
  for (const t of n.tables) {
    if (!t.cells.length) continue;
    const captionId = `ledger-numbers-${t.table}`;
    const rows = t.cells.map((c) => {
      const applies = c.kind !== "conflict" || accepted.includes(c.key);
      return h(
        "tr",
        { class: `ln-${c.kind}${applies ? "" : " ln-kept"}`, attrs: { "data-key": c.key } },
        h("th", { attrs: { scope: "row" } }, c.label),
        h("td", { class: "ln-before" }, c.before === null ? L.blank : String(c.before)),
        h("td", { class: "ln-after" }, h("span", { class: "visually-hidden" }, L.arrow), applies ? h("mark", {}, String(c.after)) : String(c.before ?? L.blank), h("span", { class: "ln-note" }, L.note(c.kind, applies, c.after))),
      );
    });
    out.push(
      h(
        "div",
        { class: "ledger-numbers", tabIndex: 0, attrs: { role: "region", "aria-labelledby": captionId, "data-transfer": "ledger-numbers", "data-table": String(t.table) } },
        h(
          "table",
          {},
          h("caption", { id: captionId }, L.caption(t.name, t.cells.length)),
          h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, L.cell), h("th", { attrs: { scope: "col" } }, L.before), h("th", { attrs: { scope: "col" } }, L.after))),
          h("tbody", {}, ...rows),
        ),
      ),
    );
  }
  if (n.zeroFills) out.push(h("p", { class: "field-hint", attrs: { "data-transfer": "zero-fills" } }, L.zeroFills(n.zeroFills)));
  return out;
}

export interface TransferDom {
  el: HTMLElement;
  /** The element to focus when this step appears. */
  focusTarget: HTMLElement;
}

/** The choose step keeps the pasted text across re-renders (it lives in this closure). */
export function createTransferView(handlers: TransferHandlers): { render(t: TransferPanel): TransferDom; reset(): void } {
  let pasted = "";

  function chooseStep(t: Extract<TransferPanel, { step: "choose" }>): TransferDom {
    const fileInput = hiddenFileInput(ACCEPT, (f) => handlers.file(f), { "data-transfer": "file" });
    const busy = t.reading !== null;
    const chooseBtn = h(
      "button",
      { type: "button", class: "btn btn-secondary", disabled: busy, attrs: { "data-action": "transfer-choose", "aria-describedby": "transfer-file-hint" }, on: { click: () => fileInput.click() } },
      icon("open"),
      h("span", { class: "btn-label" }, T.chooseFile),
    );
    const area = h("textarea", { class: "input textarea", id: "transfer-paste", attrs: { rows: 5, placeholder: T.pastePlaceholder, "data-transfer": "paste" } });
    area.value = pasted;
    area.addEventListener("input", () => (pasted = area.value));
    const readBtn = h(
      "button",
      { type: "button", class: "btn btn-primary", disabled: busy, attrs: { "data-action": "transfer-read" }, on: { click: () => pasted.trim() && handlers.paste(pasted) } },
      h("span", { class: "btn-label" }, T.readPasted),
    );
    const status = busy
      ? h("p", { class: "card-body transfer-status" }, h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }), T.reading(t.reading!))
      : t.error
        ? h(
            "div",
            { class: "transfer-error", attrs: { "data-transfer": "error" } },
            h("p", { class: "error-text" }, t.error.message),
            t.error.details.length ? h("ul", { class: "transfer-list" }, ...t.error.details.slice(0, 8).map((d) => h("li", {}, d))) : null,
          )
        : null;
    const heading = h("h2", { class: "card-title", id: "transfer-title", tabIndex: -1 }, icon(t.mode === "import" ? "open" : "carry"), T.title[t.mode]);
    const el = h(
      "div",
      { class: "transfer-body" },
      heading,
      h("p", { class: "card-body" }, T.intro[t.mode]),
      h("div", { class: "transfer-file" }, chooseBtn, fileInput),
      h("p", { class: "field-hint", id: "transfer-file-hint" }, T.fileHint),
      h("label", { class: "field-label", attrs: { for: "transfer-paste" } }, T.pasteLabel[t.mode]),
      area,
      h("div", { class: "transfer-actions" }, readBtn, h("button", { type: "button", class: "btn btn-secondary", attrs: { "data-action": "transfer-cancel" }, on: { click: () => handlers.close() } }, T.cancel)),
      status,
    );
    return { el, focusTarget: heading };
  }

  function previewStep(t: Extract<TransferPanel, { step: "preview" }>): TransferDom {
    const p: TransferPreview = t.preview;
    const counts = previewCounts(p);
    const heading = h("h2", { class: "card-title", id: "transfer-title", tabIndex: -1 }, icon(p.mode === "import" ? "open" : "carry"), p.origin === "ledger" ? S.ledger.previewTitle : T.previewTitle[p.mode]);
    const parts: (HTMLElement | null)[] = [
      heading,
      h("p", { class: "card-body" }, T.from(p.sourceLabel), h("br", {}), T.into(p.targetYear)),
    ];
    for (const w of p.warnings) parts.push(h("p", { class: "transfer-warning", role: "note" }, icon("warning"), h("span", {}, w)));
    if (p.insertFirst) parts.push(h("p", { class: "transfer-note" }, icon("info"), h("span", {}, T.insertFirst(p.insertFirst.year))));

    if (p.mode === "rollForward") {
      parts.push(h("h3", { class: "transfer-h" }, T.carryHeading));
      if (p.prefilled.length) {
        parts.push(
          h(
            "table",
            { class: "carry-table", attrs: { "data-transfer": "carry" } },
            h("tbody", {}, ...p.prefilled.map((c) => h("tr", { attrs: { "data-key": c.key } }, h("th", { attrs: { scope: "row" } }, c.label), h("td", {}, String(c.value))))),
          ),
        );
      } else parts.push(h("p", { class: "card-body" }, T.carryNone));
      if (p.drafts.length) {
        parts.push(h("h3", { class: "transfer-h" }, T.draftsHeading), h("ul", { class: "transfer-list" }, ...p.drafts.map((d) => h("li", {}, T.draft(d.heading, d.paragraphs)))));
      }
      if (p.priorFigures) {
        parts.push(h("h3", { class: "transfer-h" }, T.priorHeading), h("p", { class: "card-body" }, T.priorLine(p.priorFigures.year, Object.keys(p.priorFigures.cells).length)));
      }
      const carry = p.registerCarry;
      if (carry && (carry.append || carry.notes.length || carry.refused.length)) {
        const a = carry.append;
        parts.push(
          h("h3", { class: "transfer-h" }, S.ledger.carryHeading),
          h("p", { class: "card-body", attrs: { "data-transfer": "register-carry" } }, a ? S.ledger.carryLine(a.rows.length, a.sheet, a.first, a.last) : S.ledger.carryNone),
          ...[...carry.refused, ...carry.notes].map((n) => h("p", { class: "transfer-warning", role: "note" }, icon("warning"), h("span", {}, n))),
        );
      }
    } else {
      const fills = counts.fills + counts.textFills;
      parts.push(h("p", { class: "transfer-summary", attrs: { "data-transfer": "summary" } }, fills ? T.fillsLine(counts.fills, counts.textFills) : counts.conflicts ? "" : T.nothingToDo));
      if (p.ledgerNumbers) parts.push(...ledgerNumbersView(p.ledgerNumbers, t.accepted));
      if (counts.unchanged) parts.push(h("p", { class: "field-hint" }, T.unchangedLine(counts.unchanged)));
    }
    if (p.metaFills.length) {
      parts.push(h("h3", { class: "transfer-h" }, T.metaHeading), h("ul", { class: "transfer-list" }, ...p.metaFills.map((m) => h("li", {}, `${T.metaField[m.field] ?? m.field}：${m.value}`))));
    }

    const conflicts = [
      ...p.plan.conflicts.map((c) => ({ key: c.key, label: c.label, change: T.conflictChange(shown(c.current), shown(c.incoming)) })),
      ...p.plan.sectionConflicts.map((s) => ({ key: s.key, label: blockHeading(s.key), change: T.textChange(s.current.length, s.incoming.length) })),
    ];
    if (conflicts.length) parts.push(conflictList(conflicts, t.accepted, handlers.toggle, "tc", "data-transfer"));
    if (p.plan.notes.length) parts.push(h("h3", { class: "transfer-h" }, T.notesHeading), h("ul", { class: "transfer-list" }, ...p.plan.notes.map((n) => h("li", {}, n))));

    const findings = p.findings;
    parts.push(
      findings.length
        ? h(
            "details",
            { class: "transfer-findings", attrs: { open: findings.length <= 5, "data-transfer": "findings" } },
            h("summary", {}, T.findingsSummary(findings.length)),
            h("ul", { class: "transfer-list" }, ...findings.map((f) => h("li", { class: `sev-${f.severity}`, attrs: { "data-rule": f.rule } }, icon(f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info", "icon sev-icon"), h("span", {}, f.message)))),
          )
        : h("p", { class: "field-hint" }, T.noFindings),
    );
    parts.push(
      h(
        "div",
        { class: "transfer-actions" },
        h(
          "button",
          { type: "button", class: "btn btn-primary", disabled: t.busy, attrs: { "data-action": "transfer-confirm", "aria-busy": t.busy ? "true" : "false" }, on: { click: () => handlers.confirm() } },
          t.busy ? h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null,
          h("span", { class: "btn-label" }, p.origin === "ledger" ? (t.busy ? S.ledger.working : S.ledger.confirm) : t.busy ? T.working[p.mode] : T.confirm[p.mode]),
        ),
        h("button", { type: "button", class: "btn btn-secondary", disabled: t.busy, attrs: { "data-action": "transfer-back" }, on: { click: () => handlers.back() } }, T.back),
      ),
    );
    return { el: h("div", { class: "transfer-body" }, ...parts), focusTarget: heading };
  }

  return {
    render(t) {
      return t.step === "choose" ? chooseStep(t) : previewStep(t);
    },
    reset() {
      pasted = "";
    },
  };
}

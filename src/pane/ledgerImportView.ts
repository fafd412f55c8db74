/**
 * The 导入已有台账 panel inside the 台账 section: choose a file, then map the columns (one labelled
 * <select> per template column, required ones marked) with the preview of the rows as they will
 * be written, the counts, and what cannot be mapped. Native controls, text through textContent.
 * Focus moves to the panel heading on each new step and stays on the control the clerk used
 * while the preview follows a mapping change; Escape cancels.
 */
import { h, hiddenFileInput, icon } from "./dom";
import type { RegisterMapping } from "../workflow/registerImport";
import type { LedgerImportPanel } from "./state";
import { LEDGER_IMPORT_STRINGS } from "./ledgerImportStrings";
import type { RegisterRole } from "../template/roles";
import type { RegisterAppend } from "../ledger/importPlan";
import { templateLayout } from "../template/layout";

export interface LedgerImportHandlers {
  open(): void;
  close(): void;
  file(file: File): void;
  map(role: RegisterRole, field: string, column: number | null): void;
  confirm(): void;
}

const L = LEDGER_IMPORT_STRINGS;
const ACCEPT = ".xlsx,.csv";
const PREVIEW_ROWS = 5;

export interface LedgerImportDom {
  el: HTMLElement;
  heading: HTMLElement;
}

export function renderLedgerImport(p: LedgerImportPanel, handlers: LedgerImportHandlers): LedgerImportDom {
  const heading = h("h3", { class: "ledger-import-title", id: "ledger-import-title", tabIndex: -1 }, p.step === "file" ? L.title : L.mapTitle);
  const cancel = h("button", { type: "button", class: "btn btn-secondary", attrs: { "data-action": "ledger-import-cancel", "data-focus": "cancel" }, on: { click: () => handlers.close() } }, L.cancel);
  const el = h("div", { class: "ledger-import", role: "group", attrs: { "aria-labelledby": "ledger-import-title", "data-ledger-import": p.step } });
  el.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") {
      ev.preventDefault();
      ev.stopPropagation();
      handlers.close();
    }
  });
  if (p.step === "file") {
    const input = hiddenFileInput(ACCEPT, (f) => handlers.file(f), { "data-ledger-import-file": "" });
    const busy = p.reading !== null;
    const choose = h(
      "button",
      { type: "button", class: "btn btn-primary", disabled: busy, attrs: { "data-action": "ledger-import-choose", "data-focus": "choose", "aria-describedby": "ledger-import-hint" }, on: { click: () => input.click() } },
      icon("open"),
      h("span", { class: "btn-label" }, L.chooseFile),
    );
    const status = busy
      ? h("p", { class: "ledger-import-status" }, h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }), L.reading(p.reading!))
      : p.error
        ? h("p", { class: "error-text", attrs: { "data-ledger-import": "error" } }, p.error)
        : null;
    el.append(heading, h("p", { class: "ledger-import-hint", id: "ledger-import-hint" }, L.fileHint), input, status ?? "", h("div", { class: "ledger-import-actions" }, choose, cancel));
    return { el, heading };
  }

  const pv = p.preview;
  el.append(heading, h("p", { class: "ledger-import-hint" }, L.mapHint));
  for (const m of [pv.apps, pv.cases]) if (m) el.append(mappingBlock(m, handlers, p.busy));
  const missing = [...(pv.apps?.missing ?? []), ...(pv.cases?.missing ?? [])];
  if (missing.length) el.append(h("p", { class: "error-text", id: "ledger-import-missing", attrs: { "data-ledger-import": "missing" } }, L.missing(missing.map((t) => `“${t}”`).join("、"))));
  if (pv.plan.refused.length) el.append(list(L.refusedTitle, pv.plan.refused, "refused"));
  for (const a of [pv.plan.apps, pv.plan.cases]) if (a) el.append(previewTable(a));
  if (!missing.length && !pv.plan.refused.length && pv.rows === 0) el.append(h("p", {}, L.nothing));
  if (pv.plan.guesses.length) el.append(list(L.guessesTitle, pv.plan.guesses, "guesses"));
  if (pv.plan.issues.length) el.append(list(L.issuesTitle(pv.plan.issues.length), pv.plan.issueSummary, "issues"));
  if (pv.plan.duplicates.length) el.append(list(L.duplicatesTitle(pv.plan.duplicates.length), pv.plan.duplicates, "duplicates"));
  const confirm = h(
    "button",
    {
      type: "button",
      class: "btn btn-primary",
      disabled: !pv.canConfirm || p.busy,
      attrs: { "data-action": "ledger-import-confirm", "data-focus": "confirm", "aria-describedby": missing.length ? "ledger-import-missing" : null, "aria-busy": p.busy ? "true" : "false" },
      on: { click: () => handlers.confirm() },
    },
    L.confirm,
  );
  el.append(h("div", { class: "ledger-import-actions" }, confirm, cancel));
  return { el, heading };
}

function mappingBlock(m: RegisterMapping, handlers: LedgerImportHandlers, busy: boolean): HTMLElement {
  const rows = m.fields.map((f) => {
    const id = `li-${m.role}-${f.field}`;
    const select = h("select", { id, class: "input ledger-import-select", disabled: busy, attrs: { "data-role": m.role, "data-field": f.field, "data-focus": `${m.role}:${f.field}`, "aria-required": f.required ? "true" : null, "aria-invalid": f.required && f.column === null ? "true" : null } });
    select.append(h("option", { attrs: { value: "" } }, L.none));
    for (const o of m.options) select.append(h("option", { attrs: { value: String(o.index) } }, o.label));
    select.value = f.column === null ? "" : String(f.column);
    select.addEventListener("change", () => handlers.map(m.role, f.field, select.value === "" ? null : Number(select.value)));
    return h("div", { class: "ledger-import-field" }, h("label", { attrs: { for: id } }, f.title, f.required ? h("span", { class: "required" }, h("span", { attrs: { "aria-hidden": "true" } }, " *"), L.required) : null), select);
  });
  return h("fieldset", { class: "ledger-import-map" }, h("legend", {}, L.register(m.sheet)), h("p", { class: "ledger-import-source" }, m.sourceLabel), ...rows);
}

function previewTable(a: RegisterAppend): HTMLElement {
  const titles = templateLayout().registers[a.role].columns.map((c) => c.title);
  const shown = a.rows.slice(0, PREVIEW_ROWS);
  const table = h(
    "table",
    { class: "ledger-import-preview", attrs: { "data-ledger-import": `preview-${a.role}` } },
    h("caption", {}, L.previewTitle(a.sheet)),
    h("thead", {}, h("tr", {}, h("th", { attrs: { scope: "col" } }, L.sheetRow), h("th", { attrs: { scope: "col" } }, L.sourceLine), ...titles.map((t) => h("th", { attrs: { scope: "col" } }, t)))),
    h("tbody", {}, ...shown.map((r) => h("tr", {}, h("th", { attrs: { scope: "row" } }, String(r.sheetRow)), h("td", {}, String(r.sourceLine)), ...r.shown.map((v) => h("td", {}, v))))),
  );
  return h(
    "div",
    { class: "ledger-import-append" },
    h("p", { class: "ledger-import-count", attrs: { "data-ledger-import": `count-${a.role}` } }, L.willAppend(a.rows.length, a.sheet, a.first, a.last)),
    h("div", { class: "table-scroll", tabIndex: 0, attrs: { role: "region", "aria-label": L.previewTitle(a.sheet) } }, table),
  );
}

function list(title: string, items: string[], kind: string): HTMLElement {
  return h("div", { class: `ledger-import-list ledger-import-${kind}`, attrs: { "data-ledger-import": kind } }, h("h4", {}, title), h("ul", {}, ...items.slice(0, 50).map((t) => h("li", {}, t))), items.length > 50 ? h("p", {}, L.more(items.length)) : null);
}

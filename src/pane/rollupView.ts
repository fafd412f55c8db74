/**
 * The 汇总多个单位… panel's DOM: the year, an optional roster, the files (several at once, or a
 * folder where the browser offers a folder picker); then the list — each unit with its file,
 * year, verdict and counts, the units to chase first — and the preview of the writes (cells
 * filled, non-empty cells as unticked boxes, cells that cannot be summed, the sheets to add)
 * with the confirm button. Native controls, text through textContent.
 */
import { h, icon } from "./dom";
import type { RollupPanel } from "./rollupState";
import { TRANSFER_STRINGS } from "./transferStrings";
import { ROLLUP_STRINGS } from "./rollupStrings";
import { conflictList, shownValue } from "./conflictView";
import type { RollupResult } from "../workflow/rollup";
import { ROLLUP_TEXT } from "../workflow/rollup/messages";
import { DEFAULT_SIMILAR_THRESHOLD, sheetLine, unplaced } from "../workflow/rollup/shown";
import { previewCounts } from "../workflow/transfer";

export interface RollupHandlers {
  open(): void;
  close(): void;
  year(year: number): void;
  roster(file: File | null): void;
  files(files: File[], folder: boolean): void;
  toggle(key: string): void;
  confirm(): void;
  /** Back to choosing the files (year and roster kept). */
  back(): void;
}

const R = ROLLUP_STRINGS;
const L = ROLLUP_TEXT.list;
const ACCEPT = ".xlsx,.xlsm,.docx,.html,.htm,.txt,.text,.md,.pdf";

/** Whether this browser can pick a folder (Chromium, Edge, Firefox, Safari; not IE11, not old WebViews). */
export function canPickFolder(): boolean {
  return typeof document !== "undefined" && "webkitdirectory" in document.createElement("input");
}

function picker(attrs: Record<string, string | boolean>, onFiles: (files: File[]) => void): HTMLInputElement {
  const input = h("input", { type: "file", class: "visually-hidden", attrs: { tabindex: -1, "aria-hidden": "true", ...attrs } });
  input.addEventListener("change", () => {
    const files = input.files ? Array.from(input.files) : [];
    input.value = "";
    if (files.length) onFiles(files);
  });
  return input;
}


export function createRollupView(handlers: RollupHandlers, years: readonly number[]): { render(p: RollupPanel): { el: HTMLElement; focusTarget: HTMLElement } } {
  function heading(): HTMLElement {
    return h("h2", { class: "card-title", id: "rollup-title", tabIndex: -1 }, icon("open"), R.title);
  }

  function chooseStep(p: Extract<RollupPanel, { step: "choose" }>) {
    const busy = p.reading !== null;
    const title = heading();
    const yearSelect = h("select", { class: "input", id: "rollup-year", disabled: busy, attrs: { "data-rollup": "year" }, on: { change: () => handlers.year(Number(yearSelect.value)) } });
    for (const y of [...new Set([p.year, ...years])].sort((a, b) => b - a)) {
      const o = h("option", { attrs: { value: String(y) } }, String(y));
      o.selected = y === p.year;
      yearSelect.appendChild(o);
    }
    const rosterInput = picker({ accept: ".xlsx,.xlsm,.csv", "data-rollup": "roster-file" }, (f) => handlers.roster(f[0] ?? null));
    const filesInput = picker({ accept: ACCEPT, multiple: true, "data-rollup": "files" }, (f) => handlers.files(f, false));
    const folder = canPickFolder();
    const folderInput = folder ? picker({ webkitdirectory: true, "data-rollup": "folder" }, (f) => handlers.files(f, true)) : null;
    const btn = (label: string, action: string, onClick: () => void, primary = false) =>
      h("button", { type: "button", class: `btn ${primary ? "btn-primary" : "btn-secondary"}`, disabled: busy, attrs: { "data-action": action }, on: { click: onClick } }, h("span", { class: "btn-label" }, label));
    const rosterLine = p.roster
      ? h("p", { class: "field-hint", attrs: { "data-rollup": "roster" } }, R.rosterLoaded(p.roster.file, p.roster.units.length), " ", btn(R.clearRoster, "rollup-roster-clear", () => handlers.roster(null)))
      : null;
    const status = busy
      ? h("p", { class: "card-body transfer-status", attrs: { "data-rollup": "reading" } }, h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }), p.reading)
      : p.error
        ? h("p", { class: "error-text", attrs: { "data-rollup": "error" } }, p.error)
        : null;
    const el = h(
      "div",
      { class: "transfer-body" },
      title,
      h("p", { class: "card-body" }, R.intro),
      h("label", { class: "field-label", attrs: { for: "rollup-year" } }, R.yearLabel),
      yearSelect,
      h("p", { class: "field-label" }, R.rosterLabel),
      h("div", { class: "transfer-file" }, btn(R.chooseRoster, "rollup-roster", () => rosterInput.click()), rosterInput),
      rosterLine,
      h(
        "div",
        { class: "transfer-actions" },
        btn(R.chooseFiles, "rollup-files", () => filesInput.click(), true),
        filesInput,
        folderInput ? btn(R.chooseFolder, "rollup-folder", () => folderInput.click()) : null,
        folderInput,
      ),
      h("p", { class: "field-hint" }, R.filesHint),
      status,
    );
    return { el, focusTarget: title };
  }

  function unitsTable(r: RollupResult): HTMLElement {
    const head = h("tr", {}, ...[R.colUnit, R.colFile, R.colYear, R.colVerdict, R.colCounts].map((c) => h("th", { attrs: { scope: "col" } }, c)));
    const rows = r.units.map((u) =>
      h(
        "tr",
        { class: `rollup-unit verdict-${u.verdict === "通过" ? "ok" : u.verdict === "有错误" ? "error" : "unread"}`, attrs: { "data-unit": u.name, "data-verdict": u.verdict } },
        h("th", { attrs: { scope: "row" } }, u.name),
        h("td", {}, u.file ?? ""),
        h("td", {}, u.year === null ? "" : String(u.year)),
        h("td", {}, u.verdict, u.inTotals ? null : h("span", { class: "rollup-note" }, `（${R.notInTotals}）`), u.note ? h("span", { class: "rollup-note" }, u.note) : null),
        h("td", {}, u.verdict === "无法读取" ? "" : R.unitCounts(u.errors, u.warnings)),
      ),
    );
    return h("table", { class: "rollup-table", attrs: { "data-rollup": "units" } }, h("thead", {}, head), h("tbody", {}, ...rows));
  }

  function listStep(p: Extract<RollupPanel, { step: "list" }>) {
    const r = p.result;
    const title = heading();
    const parts: (HTMLElement | null)[] = [title, h("p", { class: "card-body", attrs: { "data-rollup": "head" } }, R.head(r.year, p.roster?.units.length ?? null, p.files))];
    const chase = r.units.filter((u) => u.verdict !== "通过" || !u.inTotals);
    if (chase.length) {
      parts.push(h("h3", { class: "transfer-h" }, L.chaseHead(chase.length)), h("ul", { class: "transfer-list", attrs: { "data-rollup": "chase" } }, ...chase.map((u) => h("li", {}, `${u.name}：${[ROLLUP_TEXT.verdictDesc(u.verdict, u.errors, u.warnings), u.note].filter((x) => x).join("；")}`))));
    }
    if (r.missing.length) parts.push(h("h3", { class: "transfer-h" }, L.missingHead(r.missing.length)), h("p", { class: "card-body", attrs: { "data-rollup": "missing" } }, r.missing.map((m) => m.name).join("、")));
    const lost = unplaced(r);
    if (lost.length) parts.push(h("h3", { class: "transfer-h" }, L.unplacedHead(lost.length)), h("ul", { class: "transfer-list", attrs: { "data-rollup": "unreadable" } }, ...lost.map((x) => h("li", {}, `${x.file}：${x.reason}`))));
    if (r.similar.length) {
      parts.push(
        h("h3", { class: "transfer-h" }, L.similarHead(r.similar.length, DEFAULT_SIMILAR_THRESHOLD)),
        h("ul", { class: "transfer-list", attrs: { "data-rollup": "similar" } }, ...r.similar.map((s) => h("li", {}, `${s.a} 与 ${s.b}：${s.sections.map((x) => L.similarPart(x.heading, x.ratio)).join("，")}`))),
      );
    } else parts.push(h("p", { class: "field-hint" }, L.noSimilar(DEFAULT_SIMILAR_THRESHOLD)));
    parts.push(h("h3", { class: "transfer-h" }, R.listHead), unitsTable(r));

    // What goes into the workbook.
    const pv = p.preview;
    const c = previewCounts(pv.cells);
    parts.push(h("h3", { class: "transfer-h" }, R.writeHead));
    for (const w of pv.cells.warnings) parts.push(h("p", { class: "transfer-warning", role: "note" }, icon("warning"), h("span", {}, w)));
    if (pv.cells.insertFirst) parts.push(h("p", { class: "transfer-note" }, icon("info"), h("span", {}, TRANSFER_STRINGS.insertFirst(pv.cells.insertFirst.year))));
    parts.push(h("p", { class: "transfer-summary", attrs: { "data-rollup": "summary" } }, c.fills ? TRANSFER_STRINGS.fillsLine(c.fills, 0) : c.conflicts ? "" : TRANSFER_STRINGS.nothingToDo));
    if (c.unchanged) parts.push(h("p", { class: "field-hint" }, TRANSFER_STRINGS.unchangedLine(c.unchanged)));
    if (pv.cells.plan.conflicts.length) {
      const items = pv.cells.plan.conflicts.map((x) => ({ key: x.key, label: x.label, change: TRANSFER_STRINGS.conflictChange(shownValue(x.current), shownValue(x.incoming)) }));
      parts.push(conflictList(items, p.accepted, handlers.toggle, "rc", "data-rollup"));
    }
    if (pv.incomplete.length) {
      parts.push(h("details", { class: "transfer-findings", attrs: { "data-rollup": "incomplete" } }, h("summary", {}, R.incompleteHead(pv.incomplete.length)), h("ul", { class: "transfer-list" }, ...pv.incomplete.map((x) => h("li", {}, ROLLUP_TEXT.write.incomplete(x.label, x.units))))));
    }
    if (pv.cells.findings.length) {
      parts.push(h("details", { class: "transfer-findings", attrs: { "data-rollup": "sums" } }, h("summary", {}, TRANSFER_STRINGS.findingsSummary(pv.cells.findings.length)), h("ul", { class: "transfer-list" }, ...pv.cells.findings.map((f) => h("li", {}, f.message)))));
    }
    parts.push(h("h3", { class: "transfer-h" }, R.sheetsHead), h("ul", { class: "transfer-list", attrs: { "data-rollup": "sheets" } }, ...pv.sheets.map((s) => h("li", {}, sheetLine(s)))));
    parts.push(
      h(
        "div",
        { class: "transfer-actions" },
        h(
          "button",
          { type: "button", class: "btn btn-primary", disabled: p.busy, attrs: { "data-action": "rollup-confirm", "aria-busy": p.busy ? "true" : "false" }, on: { click: () => handlers.confirm() } },
          p.busy ? h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null,
          h("span", { class: "btn-label" }, p.busy ? R.working : R.confirm),
        ),
        h("button", { type: "button", class: "btn btn-secondary", disabled: p.busy, attrs: { "data-action": "rollup-again" }, on: { click: () => handlers.back() } }, R.again),
      ),
    );
    return { el: h("div", { class: "transfer-body" }, ...parts), focusTarget: title };
  }

  return { render: (p) => (p.step === "choose" ? chooseStep(p) : listStep(p)) };
}

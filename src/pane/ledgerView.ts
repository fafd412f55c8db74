/**
 * The 台账 section of the pane: counts, the 已逾期 / 即将到期 rows (one roving list: arrows move,
 * Enter or click selects the register row) and "按台账填写表三/表四". Rebuilt only when what it shows
 * changed; focus on a row that disappears moves to the section heading, never to <body>.
 */
import { h, replace } from "./dom";
import type { LedgerImportHandlers, renderLedgerImport } from "./ledgerImportView";
import type { DeadlineItem, LedgerSummary } from "./ledgerState";
import type { LedgerImportPanel } from "./state";
import { rovingKeydown, setTabStop } from "./roving";
import { S } from "./strings";

export type { LedgerImportHandlers };

export interface LedgerHandlers {
  select(cells: string[]): void;
  fill(): void;
  import: LedgerImportHandlers;
  /** 导入已有台账's view, once its lazy chunk has loaded (the panel is shown only then). */
  importView: () => typeof renderLedgerImport | null;
}

export interface LedgerView {
  root: HTMLElement;
  render(summary: LedgerSummary | null, canFill: boolean, importPanel?: LedgerImportPanel | null): void;
}

const isEmpty = (s: LedgerSummary): boolean =>
  s.applications + s.answered + s.pending + s.cases + s.overdue.length + s.dueSoon.length + s.awaiting.length === 0;

export function createLedgerView(handlers: LedgerHandlers, announce: (kind: "status" | "alert", text: string) => void = () => undefined): LedgerView {
  const heading = h("h2", { class: "ledger-title", id: "ledger-title", tabIndex: -1 }, S.ledger.title);
  const body = h("div", { class: "ledger-body" });
  const root = h("section", { class: "card ledger", hidden: true, attrs: { "aria-labelledby": "ledger-title", "data-region": "ledger" } }, heading, body);
  let signature = "";
  let current: HTMLElement | null = null;
  /** The import panel's step as last shown ("file:…", "map:file name"), to move focus on a new step. */
  let importStep = "";
  let announced = "";
  const items = () => Array.from(body.querySelectorAll<HTMLElement>(".ledger-item"));
  body.addEventListener("keydown", (ev) => {
    const moved = rovingKeydown(ev, items(), "vertical");
    if (moved) current = moved;
  });

  type Tone = "overdue" | "dueSoon" | "awaiting";

  function item(d: DeadlineItem, tone: Tone): HTMLElement {
    return h(
      "button",
      { type: "button", class: `ledger-item ledger-${tone}`, attrs: { "data-key": d.key }, on: { click: () => handlers.select([d.key]), focus: (ev) => (current = ev.currentTarget as HTMLElement) } },
      d.text,
    );
  }

  function list(title: string, id: string, rows: DeadlineItem[], tone: Tone): HTMLElement[] {
    return [
      h("h3", { class: "ledger-list-title", id }, `${title}（${rows.length}）`),
      rows.length
        ? h("ul", { class: "ledger-list", attrs: { "aria-labelledby": id } }, ...rows.map((r) => h("li", {}, item(r, tone))))
        : h("p", { class: "ledger-none" }, S.ledger.none),
    ];
  }

  function render(summary: LedgerSummary | null, canFill: boolean, importPanel: LedgerImportPanel | null = null): void {
    const sig = JSON.stringify([summary, canFill, importPanel]);
    if (sig === signature) return;
    const renderImport = importPanel ? handlers.importView() : null;
    if (importPanel && !renderImport) return;
    signature = sig;
    const active = document.activeElement as HTMLElement | null;
    const hadFocus = root.contains(active);
    const focusedKey = current?.getAttribute("data-key") ?? null;
    const focusedAction = hadFocus ? (active?.getAttribute("data-action") ?? null) : null;
    const focusedControl = hadFocus ? (active?.getAttribute("data-focus") ?? null) : null;
    root.hidden = summary === null && importPanel === null;
    if (!summary && !importPanel) {
      replace(body);
      current = null;
      importStep = "";
      return;
    }
    if (importPanel && renderImport) {
      const { el, heading: panelHeading } = renderImport(importPanel, handlers.import);
      replace(body, summary && summary.year !== null ? h("p", { class: "ledger-counts" }, S.ledger.counts(summary.applications, summary.answered, summary.pending, summary.cases)) : null, el);
      current = null;
      const step = importPanel.step === "file" ? `file:${importPanel.reading ?? ""}:${importPanel.error ?? ""}` : `map:${importPanel.preview.file}`;
      if (importPanel.step === "file" && importPanel.error && announced !== importPanel.error) announce("alert", (announced = importPanel.error));
      if (importPanel.step === "file" && importPanel.reading && announced !== importPanel.reading) announce("status", S.ledger.importReading((announced = importPanel.reading)));
      const newStep = step.split(":")[0] !== importStep.split(":")[0] || (importPanel.step === "map" && step !== importStep);
      importStep = step;
      // No CSS.escape in IE11 (the legacy pane shares this view): compare the attribute instead.
      const again = focusedControl ? (Array.from(el.querySelectorAll<HTMLElement>("[data-focus]")).find((x) => x.getAttribute("data-focus") === focusedControl) ?? null) : null;
      if (newStep) panelHeading.focus();
      else if (again && !again.hasAttribute("disabled")) again.focus();
      else if (hadFocus) panelHeading.focus();
      return;
    }
    const wasImporting = importStep !== "";
    importStep = "";
    announced = "";
    const noYear = summary!.year === null;
    const fill = h("button", { type: "button", class: "btn btn-secondary ledger-fill", disabled: !canFill || noYear, attrs: { "data-action": "ledger-fill" }, on: { click: () => handlers.fill() } }, S.ledger.fill);
    const importBtn = h("button", { type: "button", class: "btn btn-secondary ledger-import-open", disabled: !canFill, attrs: { "data-action": "ledger-import" }, on: { click: () => handlers.import.open() } }, S.ledger.importOpen);
    replace(
      body,
      ...(noYear
        ? // Without 封面's year there is nothing to count by; importing a register needs no year.
          [h("p", { class: "ledger-counts ledger-no-year" }, S.ledger.noYear)]
        : isEmpty(summary!)
          ? // Nothing registered yet: one line, not two empty lists.
            [h("p", { class: "ledger-counts ledger-empty" }, S.ledger.empty)]
          : [
              h("p", { class: "ledger-counts" }, S.ledger.counts(summary!.applications, summary!.answered, summary!.pending, summary!.cases)),
              ...list(S.ledger.overdueTitle, "ledger-overdue", summary!.overdue, "overdue"),
              ...list(S.ledger.dueSoonTitle, "ledger-due-soon", summary!.dueSoon, "dueSoon"),
              // 待补正 only when there is one: most registers never have it, and its clock is stopped.
              ...(summary!.awaiting.length ? list(S.ledger.awaitingTitle, "ledger-awaiting", summary!.awaiting, "awaiting") : []),
            ]),
      h("div", { class: "ledger-actions" }, fill, importBtn),
    );
    const all = items();
    current = all.find((el) => el.getAttribute("data-key") === focusedKey) ?? null;
    setTabStop(all, current);
    // Back from the import panel (cancelled or done): to the button that opened it.
    if (wasImporting && (hadFocus || document.activeElement === document.body || document.activeElement === null)) {
      if (!importBtn.disabled) importBtn.focus();
      else heading.focus();
      return;
    }
    if (!hadFocus) return;
    if (focusedAction === "ledger-fill" && !fill.disabled) fill.focus();
    else if (focusedAction === "ledger-import" && !importBtn.disabled) importBtn.focus();
    else if (current) current.focus();
    else heading.focus();
  }

  return { root, render };
}

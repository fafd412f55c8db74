/**
 * The toolbar region: 插入模板, 上年结转, 导入报告, 重新校验, 导出 Word/PDF — one tab stop, arrow
 * keys between the buttons; unavailable is aria-disabled so a focused button keeps focus.
 */
import type { ExportKind } from "./exportApi";
import { button } from "./controls";
import { h } from "./dom";
import { rovingKeydown, setTabStop } from "./roving";
import type { ViewModel } from "./state";
import { S } from "./strings";
import type { TransferMode } from "../workflow/transfer";

export interface ToolbarHandlers {
  /** 插入模板 with the banner form's values. */
  insert(): void;
  revalidate(): void;
  exportAs(kind: ExportKind): void;
  transferOpen(mode: TransferMode): void;
  rollup: { open(): void };
}

export interface ToolbarView {
  root: HTMLElement;
  update(vm: ViewModel): void;
  /** The buttons that open the 结转/导入 panel (focus returns there when it closes). */
  carry: HTMLButtonElement;
  import: HTMLButtonElement;
  /** Secondary actions under the toolbar (汇总多个单位…), out of the clerk's main row. */
  more: HTMLElement;
  rollup: HTMLButtonElement;
}

export function createToolbarView(handlers: ToolbarHandlers): ToolbarView {
  const insertBtn = button(S.actions.insert, "add", "btn-secondary", () => handlers.insert(), { "data-action": "insert" });
  const revalidateBtn = button(S.actions.revalidate, "sync", "btn-secondary", () => handlers.revalidate(), { "data-action": "revalidate" });
  const wordBtn = button(S.actions.exportWord, "word", "btn-secondary", () => handlers.exportAs("docx"), { "data-action": "export-docx" });
  const pdfBtn = button(S.actions.exportPdf, "pdf", "btn-secondary", () => handlers.exportAs("pdf"), { "data-action": "export-pdf" });
  // The accessible name is the visible label; the longer wording is only the tooltip.
  const carryBtn = button(S.actions.rollForward, "carry", "btn-secondary", () => handlers.transferOpen("rollForward"), {
    "data-action": "roll-forward",
    title: S.actions.rollForwardLong,
  });
  const importBtn = button(S.actions.importReport, "open", "btn-secondary", () => handlers.transferOpen("import"), { "data-action": "import" });
  const toolbar = h("div", { class: "toolbar", role: "toolbar", attrs: { "aria-label": "年报操作" } }, insertBtn, carryBtn, importBtn, revalidateBtn, wordBtn, pdfBtn);
  const toolbarButtons = [insertBtn, carryBtn, importBtn, revalidateBtn, wordBtn, pdfBtn];
  setTabStop(toolbarButtons, insertBtn);
  toolbar.addEventListener("keydown", (ev) => void rovingKeydown(ev, toolbarButtons, "horizontal"));
  toolbar.addEventListener("focusin", (ev) => void setTabStop(toolbarButtons, ev.target as HTMLElement));

  const rollupBtn = h(
    "button",
    { type: "button", class: "btn-link toolbar-more-btn", title: S.rollup.actionTitle, attrs: { "data-action": "rollup", "aria-expanded": "false" }, on: { click: () => rollupBtn.getAttribute("aria-disabled") !== "true" && handlers.rollup.open() } },
    S.rollup.action,
  );
  const more = h("div", { class: "toolbar-more", hidden: true }, rollupBtn);

  function setBusy(btn: HTMLButtonElement, busy: boolean, disabled: boolean): void {
    btn.removeAttribute("disabled");
    if (disabled) btn.setAttribute("aria-disabled", "true");
    else btn.removeAttribute("aria-disabled");
    btn.classList.toggle("is-busy", busy);
    btn.setAttribute("aria-busy", busy ? "true" : "false");
  }

  function update(vm: ViewModel): void {
    const noTemplate = vm.banner?.kind === "missing";
    setBusy(insertBtn, vm.busy === "insert", !vm.canInsert);
    insertBtn.title = vm.insertSupported ? "" : S.template.unsupportedTitle;
    insertBtn.classList.toggle("btn-primary", noTemplate && vm.insertSupported);
    insertBtn.classList.toggle("btn-secondary", !(noTemplate && vm.insertSupported));
    setBusy(revalidateBtn, vm.validating, false);
    setBusy(wordBtn, vm.busy === "docx", !vm.canExport);
    setBusy(pdfBtn, vm.busy === "pdf", !vm.canExport);
    setBusy(carryBtn, vm.busy === "transfer" && vm.transfer?.mode === "rollForward", !vm.canTransfer);
    setBusy(importBtn, vm.busy === "transfer" && vm.transfer?.mode === "import", !vm.canTransfer);
    carryBtn.setAttribute("aria-expanded", vm.transfer?.mode === "rollForward" ? "true" : "false");
    importBtn.setAttribute("aria-expanded", vm.transfer?.mode === "import" ? "true" : "false");
    more.hidden = !vm.rollupSupported;
    setBusy(rollupBtn, vm.busy === "rollup", !vm.canRollup && !vm.rollup);
    rollupBtn.setAttribute("aria-expanded", vm.rollup ? "true" : "false");
  }

  return { root: toolbar, update, carry: carryBtn, import: importBtn, more, rollup: rollupBtn };
}

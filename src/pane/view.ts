/**
 * The pane's DOM: a static shell built once, and regions — toolbar, notices, banner, findings,
 * and the 结转/导入 and 台账 panels — each `{root, update(vm)}`, re-rendered only when what they
 * show changed (so typing in the insert form or keyboard focus in the list is never disturbed by
 * a background validation pass). This file composes them and keeps focus where it makes sense
 * when what held it disappears. All text goes through textContent.
 */
import type { ExportKind } from "./exportApi";
import { h, icon, replace } from "./dom";
import type { ViewModel } from "./state";
import { S } from "./strings";
import type { TransferMode } from "../workflow/transfer";
import type { createTransferView, TransferHandlers } from "./transferView";
import { createLedgerView, type LedgerImportHandlers } from "./ledgerView";
import type { renderLedgerImport } from "./ledgerImportView";
import type { createRollupView, RollupHandlers } from "./rollupView";
import { createBannerView } from "./bannerView";
import { createFindingsView } from "./findingsView";
import { createNoticeView } from "./noticeView";
import { createToolbarView } from "./toolbarView";
import { focusTarget, type FocusRegion } from "./focusPlan";
import type { TemplateRole } from "../workbook/port";

export interface ViewHandlers {
  insert(form: { agency: string; year: number }): void;
  revalidate(): void;
  exportAs(kind: ExportKind): void;
  select(cells: string[]): void;
  toggle(id: string): void;
  noticeAction(id: string): void;
  dismissNotice(): void;
  /** Put back the template's missing sheets. */
  restore(roles: TemplateRole[]): void;
  openLink(href: string, ev: Event): void;
  transferOpen(mode: TransferMode): void;
  /** 按台账填写表三/表四. */
  ledgerFill(): void;
  ledgerImport: LedgerImportHandlers;
  transfer: TransferHandlers;
  rollup: RollupHandlers;
}

export interface ViewOptions {
  /** Years offered in the insert form, newest first. */
  years: number[];
  defaultYear: number;
  /** URL of the template .xlsx served beside the pane (for hosts that cannot insert). */
  templateUrl: string;
  /** Clock for "上次校验" (injectable for tests). */
  formatTime?: (t: number) => string;
  /** The 导入已有台账 panel's view, once its lazy chunk has loaded (null before). */
  ledgerImportView?: () => typeof renderLedgerImport | null;
  /** The 结转与导入 panel's view, once its lazy chunk has loaded (null before). */
  transferView?: () => typeof createTransferView | null;
  /** The 汇总多个单位… panel's view, once its lazy chunk has loaded (null before). */
  rollupView?: () => typeof createRollupView | null;
}

export interface PaneView {
  update(vm: ViewModel): void;
  /** The root element (tests and the workbench look inside). */
  root: HTMLElement;
}

function defaultTime(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function createView(root: HTMLElement, handlers: ViewHandlers, options: ViewOptions): PaneView {
  const formatTime = options.formatTime ?? defaultTime;

  // ---------------------------------------------------------------- shell
  const title = h("h1", { class: "report-title", id: "report-title" });
  const subtitle = h("p", { class: "report-sub" });
  // Focusable from script only: where focus goes when what held it disappeared.
  const summary = h("div", { class: "summary tone-busy", id: "summary", tabIndex: -1 });
  const live = h("div", { class: "visually-hidden", role: "status", attrs: { "aria-live": "polite", "aria-atomic": "true" } });

  const notices = createNoticeView(handlers);
  const announce = notices.announce;
  const banner = createBannerView(handlers, options, announce);
  const toolbar = createToolbarView({ ...handlers, insert: () => handlers.insert(banner.readForm()) });
  const findings = createFindingsView(handlers, () => summary.focus());
  const transferSlot = h("div", { class: "transfer-slot" });
  const rollupSlot = h("div", { class: "transfer-slot rollup-slot" });

  // No app-name line: Office's pane title bar already shows the add-in's name.
  const header = h("header", { class: "pane-header" }, title, subtitle, summary, toolbar.root, toolbar.more);
  const ledgerView = createLedgerView(
    { select: (cells) => handlers.select(cells), fill: () => handlers.ledgerFill(), import: handlers.ledgerImport, importView: () => options.ledgerImportView?.() ?? null },
    announce,
  );
  // The findings come right under the chip; the 台账 card follows them.
  const main = h("main", { class: "pane-main", attrs: { "aria-labelledby": "report-title" } }, notices.root, transferSlot, rollupSlot, banner.root, findings.root, ledgerView.root);
  replace(root, header, live, ...notices.live, main);
  root.classList.add("pane");

  // Scroll padding equal to the sticky header, so focus and scrolled-to notices are never under it.
  const setHeaderHeight = () => document.documentElement.style.setProperty("--pane-header-h", `${Math.ceil(header.getBoundingClientRect().height)}px`);
  setHeaderHeight();
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(setHeaderHeight).observe(header);

  // ---------------------------------------------------------------- focus
  // Where focus was, so that when its element disappears (a notice replaced, the form removed
  // after insertion, a fixed finding) it moves to a sensible place instead of <body>.
  let lastFocused: HTMLElement | null = null;
  let lastRegion: FocusRegion = "other";
  let beforeNotice: HTMLElement | null = null;
  let listIndex = 0;
  const regionOf = (el: Element): FocusRegion =>
    notices.root.contains(el)
      ? "notice"
      : banner.root.contains(el)
        ? "banner"
        : transferSlot.contains(el) || rollupSlot.contains(el)
          ? "transfer"
          : findings.contains(el)
            ? "list"
            : toolbar.root.contains(el)
              ? "toolbar"
              : "other";
  root.addEventListener("focusin", (ev) => {
    const el = ev.target as HTMLElement;
    lastFocused = el;
    lastRegion = regionOf(el);
    if (lastRegion !== "notice") beforeNotice = el;
    if (lastRegion === "list") listIndex = Math.max(0, findings.items().indexOf(el));
  });
  // Focus the clerk moved elsewhere (the workbench's grid) is theirs: never pull it back.
  document.addEventListener("focusin", (ev) => {
    if (!root.contains(ev.target as Node)) lastFocused = null;
  });
  const usable = (el: HTMLElement | null): el is HTMLElement => !!el && el.isConnected && !(el as HTMLButtonElement).disabled && !el.closest("[hidden]");
  let openedFrom: HTMLElement | null = null;

  function rescueFocus(): void {
    // Only when the pane itself has focus: in Office the grid is another frame (hasFocus() is false
    // while the clerk types there), and a pane must never take focus from the sheet.
    if (!document.hasFocus()) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement) return; // focus is somewhere real
    if (!lastFocused || usable(lastFocused)) return; // the clerk clicked on empty space: leave it
    const items = findings.items();
    const noticeControl = notices.root.querySelector<HTMLElement>("button, a[href]");
    const heading = banner.root.querySelector<HTMLElement>("#start-title, #banner-title");
    const t = focusTarget({
      region: lastRegion,
      noticeControl: !!noticeControl,
      beforeNotice: usable(beforeNotice),
      listCount: items.length,
      listIndex,
      opener: usable(openedFrom),
      bannerHeading: !!heading,
    });
    const el =
      t.kind === "noticeControl" ? noticeControl : t.kind === "beforeNotice" ? beforeNotice : t.kind === "listItem" ? items[t.index] : t.kind === "opener" ? openedFrom : t.kind === "bannerHeading" ? heading : summary;
    (el ?? summary).focus();
  }

  /** Escape dismisses the notice (the 结转/导入 panel handles its own Escape first). */
  root.addEventListener("keydown", (ev) => {
    if (ev.key !== "Escape" || ev.isComposing || ev.keyCode === 229 || ev.defaultPrevented) return;
    if (!notices.current()) return;
    ev.preventDefault();
    handlers.dismissNotice();
  });

  /** A panel's card: its close button, and Escape to close (not while an input method composes). */
  function panelCard(cls: string, attrs: Record<string, string>, closeLabel: string, closeAction: string, close: () => void, body: HTMLElement): HTMLElement {
    const card = h(
      "section",
      { class: cls, attrs },
      h("button", { type: "button", class: "btn-icon transfer-close", title: closeLabel, attrs: { "aria-label": closeLabel, "data-action": closeAction }, on: { click: close } }, icon("dismiss")),
      body,
    );
    card.addEventListener("keydown", (ev) => {
      if (ev.key !== "Escape" || ev.isComposing || ev.keyCode === 229) return;
      ev.preventDefault();
      close();
    });
    return card;
  }

  // ---------------------------------------------------------------- 结转/导入 panel
  const signatures = { live: "", transfer: "" };
  let transferView: ReturnType<typeof createTransferView> | null = null;
  let transferStep = "";
  let transferDone = 0;

  function renderTransfer(t: ViewModel["transfer"], done: number): void {
    // Pasted text is kept when the panel is closed (Escape, 取消) and forgotten once it was used.
    if (done !== transferDone) {
      transferDone = done;
      transferView?.reset();
    }
    const sig = JSON.stringify(t);
    if (sig === signatures.transfer) return;
    if (t && !transferView) {
      // The panel opens only once its chunk has loaded (controllers/transferLazy.ts).
      const make = options.transferView?.();
      if (!make) return;
      transferView = make(handlers.transfer);
    }
    signatures.transfer = sig;
    if (!t) {
      const hadFocus = transferSlot.contains(document.activeElement) || lastRegion === "transfer";
      replace(transferSlot);
      if (transferStep && hadFocus) (openedFrom ?? toolbar.carry).focus();
      transferStep = "";
      return;
    }
    if (t.step === "choose" && t.reading) announce("status", S.transfer.reading(t.reading));
    else if (t.step === "choose" && t.error) announce("alert", t.error.message);
    if (!transferView) return;
    if (!transferStep) openedFrom = t.mode === "import" ? toolbar.import : toolbar.carry;
    const dom = transferView.render(t);
    const card = panelCard("card transfer", { "aria-labelledby": "transfer-title", "data-transfer-step": t.step, "data-mode": t.mode }, S.transfer.close, "transfer-close", () => handlers.transfer.close(), dom.el);
    // Keep focus where it was on re-renders of the same step (a ticked checkbox, the busy state).
    const focusedKey = (document.activeElement as HTMLElement | null)?.getAttribute?.("data-key") ?? null;
    replace(transferSlot, card);
    const step = `${t.mode}:${t.step}`;
    if (step !== transferStep) dom.focusTarget.focus();
    else if (focusedKey) card.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    transferStep = step;
  }

  // ---------------------------------------------------------------- 汇总多个单位… panel
  let rollupView: ReturnType<typeof createRollupView> | null = null;
  let rollupStep = "";
  let rollupShown: ViewModel["rollup"] = null;

  function renderRollup(p: ViewModel["rollup"]): void {
    // The reducer makes a new panel object for every change of it: identity says "changed".
    if (p === rollupShown) return;
    if (p && !rollupView) {
      // The panel opens only once its chunk has loaded (controllers/rollupLazy.ts).
      const make = options.rollupView?.();
      if (!make) return;
      rollupView = make(handlers.rollup, options.years);
    }
    rollupShown = p;
    if (!p) {
      const hadFocus = rollupSlot.contains(document.activeElement);
      replace(rollupSlot);
      if (rollupStep && hadFocus) toolbar.rollup.focus();
      rollupStep = "";
      return;
    }
    if (!rollupView) return;
    if (p.step === "choose" && p.reading) announce("status", p.reading);
    else if (p.step === "choose" && p.error) announce("alert", p.error);
    const dom = rollupView.render(p);
    const card = panelCard("card transfer rollup", { "aria-labelledby": "rollup-title", "data-rollup-step": p.step }, S.rollup.close, "rollup-close", () => handlers.rollup.close(), dom.el);
    const focusedKey = (document.activeElement as HTMLElement | null)?.getAttribute?.("data-key") ?? null;
    replace(rollupSlot, card);
    if (p.step !== rollupStep) dom.focusTarget.focus();
    else if (focusedKey) card.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    rollupStep = p.step;
  }

  // ---------------------------------------------------------------- update
  function update(vm: ViewModel): void {
    ledgerView.render(vm.ledger, vm.busy === null && vm.transfer === null, vm.ledgerImport);
    title.textContent = vm.title;
    const sub = [vm.subtitle, vm.checkedAt === null ? null : S.summary.lastChecked(formatTime(vm.checkedAt))].filter((x): x is string => !!x);
    subtitle.textContent = sub.join(" · ");
    subtitle.hidden = sub.length === 0;

    summary.className = `summary tone-${vm.validating && vm.summary.tone === "busy" ? "busy" : vm.summary.tone}`;
    replace(
      summary,
      icon(vm.summary.tone === "error" ? "error" : vm.summary.tone === "warning" ? "warning" : vm.summary.tone === "ok" ? "success" : "info", "icon summary-icon"),
      h("span", { class: "summary-text" }, vm.summary.text),
      vm.validating ? h("span", { class: "spinner", attrs: { "aria-hidden": "true" } }) : null,
    );
    // Announce once per distinct result, not on every keystroke-triggered pass.
    if (vm.summary.spoken && vm.summary.spoken !== signatures.live) {
      signatures.live = vm.summary.spoken;
      live.textContent = vm.summary.spoken;
    }

    toolbar.update(vm);

    notices.update(vm.notice);
    renderTransfer(vm.transfer, vm.transferDone);
    renderRollup(vm.rollup);
    // While 结转/导入 is open it inserts the template itself: one place to act, not two.
    banner.update(vm.transfer ? null : vm.banner, vm.busy !== null, vm.formError);
    findings.update(vm);
    rescueFocus();
    // A hook for the E2E test: "idle" once a pass has finished and none is running.
    root.setAttribute("data-state", vm.validating || vm.summary.tone === "busy" ? "busy" : "idle");
  }

  return { update, root };
}

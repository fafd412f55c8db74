/**
 * The pane's DOM: a static shell built once, and regions re-rendered from the view model only
 * when what they show changed (so typing in the insert form or keyboard focus in the list is
 * never disturbed by a background validation pass). All text goes through textContent.
 */
import type { ExportKind } from "./exportApi";
import { h, icon, replace, type IconName } from "./dom";
import type { BlankGroupItem, FindingItem, ListItem, Notice, TableGroup, TemplateBanner, ViewModel } from "./state";
import { SHEET_NAMES } from "../template/messages";
import { S } from "./strings";
import type { TransferMode } from "../workflow/transfer";
import { createTransferView, type TransferHandlers } from "./transferView";
import { createLedgerView, type LedgerImportHandlers } from "./ledgerView";
import { rovingKeydown, setTabStop } from "./roving";
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
}

export interface ViewOptions {
  /** Years offered in the insert form, newest first. */
  years: number[];
  defaultYear: number;
  /** URL of the template .xlsx served beside the pane (for hosts that cannot insert). */
  templateUrl: string;
  /** Clock for "上次校验" (injectable for tests). */
  formatTime?: (t: number) => string;
}

export interface PaneView {
  update(vm: ViewModel): void;
  /** The root element (tests and the workbench look inside). */
  root: HTMLElement;
}

const SEVERITY_ICON: Record<string, IconName> = { error: "error", warning: "warning", info: "info" };

function defaultTime(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * A toolbar button. Unavailable is aria-disabled, not disabled: a focused button that became
 * disabled (busy while exporting) would drop keyboard focus to <body>.
 */
function button(label: string, iconName: IconName | null, cls: string, onClick: () => void, extra: Record<string, string | boolean | null> = {}): HTMLButtonElement {
  return h(
    "button",
    {
      type: "button",
      class: `btn ${cls}`,
      attrs: extra,
      on: {
        click: (ev) => {
          if ((ev.currentTarget as HTMLElement).getAttribute("aria-disabled") === "true") return;
          onClick();
        },
      },
    },
    iconName ? icon(iconName) : null,
    h("span", { class: "btn-label" }, label),
  );
}

export function createView(root: HTMLElement, handlers: ViewHandlers, options: ViewOptions): PaneView {
  const formatTime = options.formatTime ?? defaultTime;

  // ---------------------------------------------------------------- shell
  const title = h("h1", { class: "report-title", id: "report-title" });
  const subtitle = h("p", { class: "report-sub" });
  // Focusable from script only: where focus goes when what held it disappeared.
  const summary = h("div", { class: "summary tone-busy", id: "summary", tabIndex: -1 });
  const live = h("div", { class: "visually-hidden", role: "status", attrs: { "aria-live": "polite", "aria-atomic": "true" } });
  // Persistent live regions for notices: present from the start, only their text changes, so
  // screen readers announce every notice (a region inserted with its text is often missed).
  const noticeStatus = h("div", { class: "visually-hidden", role: "status", attrs: { "aria-live": "polite", "aria-atomic": "true", "data-live": "status" } });
  const noticeAlert = h("div", { class: "visually-hidden", role: "alert", attrs: { "aria-live": "assertive", "aria-atomic": "true", "data-live": "alert" } });

  const insertBtn = button(S.actions.insert, "add", "btn-secondary", () => handlers.insert(readForm()), { "data-action": "insert" });
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

  const noticeSlot = h("div", { class: "notice-slot" });
  const transferSlot = h("div", { class: "transfer-slot" });
  const bannerSlot = h("div", { class: "banner-slot" });
  const listHeading = h("h2", { class: "visually-hidden", id: "findings-heading" }, S.list.regionLabel);
  const list = h("div", { class: "findings", id: "findings" });
  const findingsRegion = h("section", { class: "findings-region", attrs: { "aria-labelledby": "findings-heading" } }, listHeading, list);

  // No app-name line: Office's pane title bar already shows the add-in's name.
  const header = h(
    "header",
    { class: "pane-header" },
    title,
    subtitle,
    summary,
    toolbar,
  );
  const ledgerView = createLedgerView({ select: (cells) => handlers.select(cells), fill: () => handlers.ledgerFill(), import: handlers.ledgerImport }, announce);
  const main = h("main", { class: "pane-main", attrs: { "aria-labelledby": "report-title" } }, noticeSlot, transferSlot, bannerSlot, ledgerView.root, findingsRegion);
  replace(root, header, live, noticeStatus, noticeAlert, main);
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
    noticeSlot.contains(el) ? "notice" : bannerSlot.contains(el) ? "banner" : transferSlot.contains(el) ? "transfer" : list.contains(el) ? "list" : toolbar.contains(el) ? "toolbar" : "other";
  root.addEventListener("focusin", (ev) => {
    const el = ev.target as HTMLElement;
    lastFocused = el;
    lastRegion = regionOf(el);
    if (lastRegion !== "notice") beforeNotice = el;
    if (lastRegion === "list") listIndex = Math.max(0, listItems().indexOf(el));
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
    const items = listItems();
    const noticeControl = noticeSlot.querySelector<HTMLElement>("button, a[href]");
    const heading = bannerSlot.querySelector<HTMLElement>("#start-title, #banner-title");
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
    if (!currentNotice) return;
    ev.preventDefault();
    handlers.dismissNotice();
  });
  let currentNotice: Notice | null = null;

  // The insert form lives in the banner; the toolbar's button uses it when shown, else defaults.
  let agencyInput: HTMLInputElement | null = null;
  let yearSelect: HTMLSelectElement | null = null;
  let lastAgency = "";
  function readForm(): { agency: string; year: number } {
    const agency = agencyInput?.value.trim() ?? lastAgency;
    const year = yearSelect ? Number(yearSelect.value) : options.defaultYear;
    return { agency, year };
  }

  // ---------------------------------------------------------------- regions
  const signatures = { notice: "", banner: "", list: "", live: "", transfer: "" };
  const transferView = createTransferView(handlers.transfer);
  let transferStep = "";
  let transferDone = 0;

  function renderTransfer(t: ViewModel["transfer"], done: number): void {
    // Pasted text is kept when the panel is closed (Escape, 取消) and forgotten once it was used.
    if (done !== transferDone) {
      transferDone = done;
      transferView.reset();
    }
    const sig = JSON.stringify(t);
    if (sig === signatures.transfer) return;
    signatures.transfer = sig;
    if (!t) {
      const hadFocus = transferSlot.contains(document.activeElement) || lastRegion === "transfer";
      replace(transferSlot);
      if (transferStep && hadFocus) (openedFrom ?? carryBtn).focus();
      transferStep = "";
      return;
    }
    if (t.step === "choose" && t.reading) announce("status", S.transfer.reading(t.reading));
    else if (t.step === "choose" && t.error) announce("alert", t.error.message);
    if (!transferStep) openedFrom = t.mode === "import" ? importBtn : carryBtn;
    const dom = transferView.render(t);
    const card = h(
      "section",
      { class: "card transfer", attrs: { "aria-labelledby": "transfer-title", "data-transfer-step": t.step, "data-mode": t.mode } },
      h(
        "button",
        { type: "button", class: "btn-icon transfer-close", title: S.transfer.close, attrs: { "aria-label": S.transfer.close, "data-action": "transfer-close" }, on: { click: () => handlers.transfer.close() } },
        icon("dismiss"),
      ),
      dom.el,
    );
    card.addEventListener("keydown", (ev) => {
      // Not while an input method is composing (Escape then cancels the composition).
      if (ev.key !== "Escape" || ev.isComposing || ev.keyCode === 229) return;
      ev.preventDefault();
      handlers.transfer.close();
    });
    // Keep focus where it was on re-renders of the same step (a ticked checkbox, the busy state).
    const focusedKey = (document.activeElement as HTMLElement | null)?.getAttribute?.("data-key") ?? null;
    replace(transferSlot, card);
    const step = `${t.mode}:${t.step}`;
    if (step !== transferStep) dom.focusTarget.focus();
    else if (focusedKey) card.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    transferStep = step;
  }

  /** Say something through the persistent live regions (the other one is cleared). */
  function announce(kind: "status" | "alert", text: string): void {
    const [on, off] = kind === "alert" ? [noticeAlert, noticeStatus] : [noticeStatus, noticeAlert];
    off.textContent = "";
    // The same text twice is a new event for the clerk: clear first so it is read again.
    if (on.textContent === text) on.textContent = "";
    on.textContent = text;
  }

  function renderNotice(n: Notice | null): void {
    const sig = JSON.stringify(n);
    if (sig === signatures.notice) return;
    signatures.notice = sig;
    currentNotice = n;
    if (!n) {
      noticeStatus.textContent = "";
      noticeAlert.textContent = "";
      return replace(noticeSlot);
    }
    announce(n.tone === "error" ? "alert" : "status", n.text);
    const iconName: IconName = n.tone === "success" ? "success" : n.tone === "error" ? "error" : n.tone === "warning" ? "warning" : "info";
    replace(
      noticeSlot,
      h(
        "div",
        { class: `message-bar tone-${n.tone}`, attrs: { "data-tone": n.tone } },
        icon(iconName, "icon mb-icon"),
        h(
          "div",
          { class: "mb-body" },
          h("span", { class: "mb-text" }, n.text),
          n.link ? linkButton(n.link.href, n.link.label, n.link.download) : null,
          ...[...(n.action ? [n.action] : []), ...(n.actions ?? [])].map((a) =>
            h("button", { type: "button", class: "btn-link", attrs: { "data-notice-action": a.id }, on: { click: () => handlers.noticeAction(a.id) } }, a.label),
          ),
        ),
        h(
          "button",
          { type: "button", class: "btn-icon mb-dismiss", title: S.actions.dismiss, attrs: { "aria-label": S.actions.dismiss }, on: { click: () => handlers.dismissNotice() } },
          icon("dismiss"),
        ),
      ),
    );
    // Where the clerk is looking: the notice sits under the sticky header (scroll-padding-top).
    noticeSlot.scrollIntoView?.({ block: "nearest" });
  }

  function linkButton(href: string, label: string, download?: string): HTMLAnchorElement {
    return h(
      "a",
      {
        class: "btn-link",
        href,
        attrs: { download: download ?? null, target: "_blank", rel: "noopener" },
        on: { click: (ev) => handlers.openLink(href, ev) },
      },
      icon("download"),
      label,
    );
  }

  function renderBanner(b: TemplateBanner, busy: boolean, formError: string | null): void {
    const sig = JSON.stringify([b, busy, formError]);
    if (sig === signatures.banner) return;
    signatures.banner = sig;
    // Keep what the clerk typed when the banner is rebuilt (and focus, if it was in the form).
    const hadFocus = (document.activeElement as HTMLElement | null)?.id ?? "";
    if (agencyInput) lastAgency = agencyInput.value;
    const lastYear = yearSelect?.value;
    agencyInput = null;
    yearSelect = null;
    if (!b) return replace(bannerSlot);

    if (b.kind === "start") {
      const card = h(
        "section",
        { class: "card banner start", attrs: { "aria-labelledby": "start-title", "data-banner": "start" } },
        h("h2", { class: "card-title", id: "start-title", tabIndex: -1 }, icon("info"), S.template.startTitle),
        b.agencyMissing ? h("p", { class: "card-body" }, S.template.startAgency) : null,
        h("ol", { class: "start-steps card-body" }, ...S.template.startSteps.map((t) => h("li", {}, t))),
        h("p", { class: "field-hint" }, S.template.startHint),
        h("button", { type: "button", class: "btn btn-secondary", attrs: { "data-action": "start-cover" }, on: { click: () => handlers.select(["META.AGENCY"]) } }, icon("target"), h("span", { class: "btn-label" }, S.template.startGo)),
      );
      return replace(bannerSlot, card);
    }

    if (b.kind === "damaged") {
      const names = b.roles.map((r) => SHEET_NAMES[r] ?? r).join("、");
      const card = h(
        "section",
        { class: "card banner", attrs: { "aria-labelledby": "banner-title", "data-banner": "damaged" } },
        h("h2", { class: "card-title", id: "banner-title", tabIndex: -1 }, icon("table"), S.template.damagedTitle),
        h("p", { class: "card-body" }, S.template.damagedBody(names)),
        b.canRestore
          ? h(
              "button",
              { type: "button", class: "btn btn-primary", disabled: busy, attrs: { "data-action": "restore-sheets" }, on: { click: () => handlers.restore(b.roles) } },
              icon("add"),
              h("span", { class: "btn-label" }, S.actions.restore(names)),
            )
          : h("p", { class: "card-body" }, S.template.damagedNoRestore),
        b.canRestore ? null : linkButton(options.templateUrl, S.actions.downloadTemplate, "政务公开年报模板.xlsx"),
      );
      return replace(bannerSlot, card);
    }

    const card = h("section", { class: "card banner", attrs: { "aria-labelledby": "banner-title", "data-banner": b.kind } });
    card.append(h("h2", { class: "card-title", id: "banner-title", tabIndex: -1 }, icon("table"), S.template.missingTitle), h("p", { class: "card-body" }, S.template.missingBody));

    if (b.canInsert) {
      agencyInput = h("input", {
        class: "input",
        id: "agency-input",
        type: "text",
        attrs: {
          placeholder: S.template.agencyPlaceholder,
          autocomplete: "organization",
          maxlength: 60,
          required: true,
          "aria-invalid": formError ? "true" : null,
          "aria-describedby": formError ? "agency-error" : null,
        },
      });
      agencyInput.value = lastAgency;
      yearSelect = h("select", { class: "select", id: "year-select" });
      for (const y of options.years) {
        const o = h("option", { attrs: { value: String(y) } }, `${y} 年度`);
        if (String(y) === (lastYear ?? String(options.defaultYear))) o.selected = true;
        yearSelect.append(o);
      }
      const form = h(
        "form",
        {
          class: "insert-form",
          attrs: { novalidate: true },
          on: {
            submit: (ev) => {
              ev.preventDefault();
              handlers.insert(readForm());
            },
          },
        },
        h("label", { class: "field-label", attrs: { for: "agency-input" } }, S.template.agencyLabel),
        agencyInput,
        formError ? h("p", { class: "field-error error-text", id: "agency-error" }, formError) : null,
        h("label", { class: "field-label", attrs: { for: "year-select" } }, S.template.yearLabel),
        yearSelect,
        h(
          "button",
          { type: "submit", class: "btn btn-primary", disabled: busy, attrs: { "data-action": "insert-form" } },
          icon("add"),
          h("span", { class: "btn-label" }, S.actions.insertLong),
        ),
      );
      card.append(form);
    } else {
      card.append(
        h("p", { class: "card-title small" }, S.template.unsupportedTitle),
        h("p", { class: "card-body" }, S.template.unsupportedBody),
        linkButton(options.templateUrl, S.actions.downloadTemplate, "政务公开年报模板.xlsx"),
      );
    }
    replace(bannerSlot, card);
    if (formError && agencyInput) {
      announce("alert", formError);
      agencyInput.focus();
    } else if (hadFocus) bannerSlot.querySelector<HTMLElement>(`#${CSS.escape(hadFocus)}`)?.focus();
  }

  function renderFinding(item: FindingItem): HTMLElement {
    const f = item.finding;
    const content = [icon(SEVERITY_ICON[f.severity] ?? "info", "icon sev-icon"), h("span", { class: "item-text" }, f.message)];
    if (!item.selectable) {
      return h("div", { class: `item static sev-${f.severity}`, attrs: { "data-rule": f.rule } }, ...content);
    }
    return h(
      "button",
      {
        type: "button",
        class: `item sev-${f.severity}`,
        title: S.list.goTo,
        attrs: { "data-focus-id": item.id, "data-rule": f.rule, "data-cells": f.cells.join(" ") },
        on: { click: () => handlers.select(f.cells) },
      },
      ...content,
      icon("target", "icon go-icon"),
    );
  }

  function renderBlankGroup(g: BlankGroupItem): HTMLElement {
    const panelId = `panel-${g.id.replace(/[^a-z0-9]/gi, "-")}`;
    const toggle = h(
      "button",
      {
        type: "button",
        class: `item group-toggle sev-warning${g.expanded ? " expanded" : ""}`,
        attrs: { "aria-expanded": g.expanded ? "true" : "false", "aria-controls": panelId, "data-focus-id": g.id },
        on: { click: () => handlers.toggle(g.id) },
      },
      icon("chevron", "icon chevron"),
      h("span", { class: "item-text" }, g.label, h("span", { class: "item-hint" }, S.list.blankGroupHint)),
    );
    const selectAll = h(
      "button",
      {
        type: "button",
        class: "btn-link select-all",
        attrs: { "data-focus-id": `${g.id}:select`, "aria-label": `${g.label}，${S.actions.selectAll}` },
        on: { click: () => handlers.select(g.cells) },
      },
      S.actions.selectAll,
    );
    const panel = h(
      "ul",
      { class: "items nested", id: panelId, hidden: !g.expanded },
      ...(g.expanded ? g.items.map((i) => h("li", {}, renderFinding(i))) : []),
    );
    return h("div", { class: "blank-group" }, h("div", { class: "blank-head" }, toggle, selectAll), panel);
  }

  function renderItem(i: ListItem): HTMLElement {
    return h("li", {}, i.kind === "finding" ? renderFinding(i) : renderBlankGroup(i));
  }

  function renderGroup(g: TableGroup): HTMLElement {
    const headingId = `group-${g.id}`;
    const badges = (["error", "warning", "info"] as const)
      .filter((s) => g.counts[s] > 0)
      // Plain spans may not carry aria-label: the severity is visually hidden text instead.
      .map((s) => h("span", { class: `badge badge-${s}` }, h("span", { class: "visually-hidden" }, `${S.severity[s]} `), String(g.counts[s])));
    return h(
      "section",
      { class: "group", attrs: { "aria-labelledby": headingId, "data-group": g.id } },
      h("h3", { class: "group-title", id: headingId }, h("span", { class: "group-name", title: g.longLabel }, g.label), ...badges),
      ...g.sections.map((s) =>
        h(
          "div",
          { class: `sev-section sev-${s.severity}` },
          h("h4", { class: "sev-title" }, `${s.label} ${s.count}`),
          h("ul", { class: "items" }, ...s.items.map(renderItem)),
        ),
      ),
    );
  }

  function renderList(vm: ViewModel): void {
    const sig = JSON.stringify([
      vm.groups.map((g) => [g.id, g.sections.map((s) => s.items.map((i) => (i.kind === "finding" ? [i.id, i.finding.message] : [i.id, i.label, i.expanded, i.cells.length])))]),
      vm.total,
      vm.summary.tone,
      vm.readError,
    ]);
    if (sig === signatures.list) return;
    signatures.list = sig;
    // Keep keyboard focus on the same finding across re-renders; when it was fixed and is gone,
    // on the one that took its place.
    const active = document.activeElement as HTMLElement | null;
    const hadFocus = !!active && list.contains(active);
    const focused = hadFocus ? (active!.closest("[data-focus-id]")?.getAttribute("data-focus-id") ?? null) : null;
    const oldItems = listItems();
    const focusedIndex = hadFocus ? oldItems.indexOf(active!) : -1;
    const stopId = oldItems.find((el) => el.tabIndex === 0)?.getAttribute("data-focus-id") ?? null;
    if (vm.readError) {
      replace(list, h("p", { class: "empty error-text" }, vm.readError));
    } else if (vm.total === 0 && vm.summary.tone === "ok") {
      replace(list, h("div", { class: "empty ok" }, icon("success", "icon empty-icon"), h("p", {}, S.list.empty)));
    } else {
      replace(list, ...vm.groups.map(renderGroup));
    }
    const items = listItems();
    const byId = (id: string | null) => (id ? (items.find((el) => el.getAttribute("data-focus-id") === id) ?? null) : null);
    const again = byId(focused) ?? (hadFocus ? (items[Math.min(Math.max(focusedIndex, 0), items.length - 1)] ?? null) : null);
    setTabStop(items, again ?? byId(stopId));
    if (again) again.focus();
    else if (hadFocus) summary.focus(); // the list is empty now
  }

  /** The list's keyboard stops in order (finding buttons, group toggles, 全部选中). */
  function listItems(): HTMLElement[] {
    return [...list.querySelectorAll<HTMLElement>("[data-focus-id]")];
  }
  list.addEventListener("keydown", (ev) => void rovingKeydown(ev, listItems(), "vertical"));
  list.addEventListener("focusin", (ev) => void setTabStop(listItems(), ev.target as HTMLElement));

  function setBusy(btn: HTMLButtonElement, busy: boolean, disabled: boolean): void {
    btn.removeAttribute("disabled");
    if (disabled) btn.setAttribute("aria-disabled", "true");
    else btn.removeAttribute("aria-disabled");
    btn.classList.toggle("is-busy", busy);
    btn.setAttribute("aria-busy", busy ? "true" : "false");
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

    renderNotice(vm.notice);
    renderTransfer(vm.transfer, vm.transferDone);
    // While 结转/导入 is open it inserts the template itself: one place to act, not two.
    renderBanner(vm.transfer ? null : vm.banner, vm.busy !== null, vm.formError);
    renderList(vm);
    rescueFocus();
    // A hook for the E2E test: "idle" once a pass has finished and none is running.
    root.setAttribute("data-state", vm.validating || vm.summary.tone === "busy" ? "busy" : "idle");
  }

  return { update, root };
}

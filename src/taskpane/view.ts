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
import type { TransferMode } from "./transfer";
import { createTransferView, type TransferHandlers } from "./transferView";

export interface ViewHandlers {
  insert(form: { agency: string; year: number }): void;
  revalidate(): void;
  exportAs(kind: ExportKind): void;
  select(cells: string[]): void;
  toggle(id: string): void;
  noticeAction(id: string): void;
  dismissNotice(): void;
  openLink(href: string, ev: Event): void;
  transferOpen(mode: TransferMode): void;
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

function button(label: string, iconName: IconName | null, cls: string, onClick: () => void, extra: Record<string, string | boolean | null> = {}): HTMLButtonElement {
  return h(
    "button",
    { type: "button", class: `btn ${cls}`, attrs: extra, on: { click: () => onClick() } },
    iconName ? icon(iconName) : null,
    h("span", { class: "btn-label" }, label),
  );
}

export function createView(root: HTMLElement, handlers: ViewHandlers, options: ViewOptions): PaneView {
  const formatTime = options.formatTime ?? defaultTime;

  // ---------------------------------------------------------------- shell
  const title = h("h1", { class: "report-title", id: "report-title" });
  const subtitle = h("p", { class: "report-sub" });
  const summary = h("div", { class: "summary tone-busy", id: "summary" });
  const live = h("div", { class: "visually-hidden", role: "status", attrs: { "aria-live": "polite", "aria-atomic": "true" } });

  const insertBtn = button(S.actions.insert, "add", "btn-secondary", () => handlers.insert(readForm()), { "data-action": "insert" });
  const revalidateBtn = button(S.actions.revalidate, "sync", "btn-secondary", () => handlers.revalidate(), { "data-action": "revalidate" });
  const wordBtn = button(S.actions.exportWord, "word", "btn-secondary", () => handlers.exportAs("docx"), { "data-action": "export-docx" });
  const pdfBtn = button(S.actions.exportPdf, "pdf", "btn-secondary", () => handlers.exportAs("pdf"), { "data-action": "export-pdf" });
  const carryBtn = button(S.actions.rollForward, "carry", "btn-secondary", () => handlers.transferOpen("rollForward"), {
    "data-action": "roll-forward",
    "aria-label": S.actions.rollForwardLong,
    title: S.actions.rollForwardLong,
  });
  const importBtn = button(S.actions.importReport, "open", "btn-secondary", () => handlers.transferOpen("import"), { "data-action": "import" });
  const toolbar = h("div", { class: "toolbar", role: "toolbar", attrs: { "aria-label": "年报操作" } }, insertBtn, carryBtn, importBtn, revalidateBtn, wordBtn, pdfBtn);
  toolbar.addEventListener("keydown", (ev) => rovingKeys(ev, toolbar));

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
  const main = h("main", { class: "pane-main", attrs: { "aria-labelledby": "report-title" } }, noticeSlot, transferSlot, bannerSlot, findingsRegion);
  replace(root, header, live, main);
  root.classList.add("pane");

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
  let openedFrom: HTMLElement | null = null;

  function renderTransfer(t: ViewModel["transfer"]): void {
    const sig = JSON.stringify(t);
    if (sig === signatures.transfer) return;
    signatures.transfer = sig;
    if (!t) {
      transferView.reset();
      replace(transferSlot);
      if (transferStep) (openedFrom ?? carryBtn).focus();
      transferStep = "";
      return;
    }
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
      if (ev.key === "Escape") {
        ev.preventDefault();
        handlers.transfer.close();
      }
    });
    // Keep focus where it was on re-renders of the same step (a ticked checkbox, the busy state).
    const focusedKey = (document.activeElement as HTMLElement | null)?.getAttribute?.("data-key") ?? null;
    replace(transferSlot, card);
    const step = `${t.mode}:${t.step}`;
    if (step !== transferStep) dom.focusTarget.focus();
    else if (focusedKey) card.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusedKey)}"]`)?.focus();
    transferStep = step;
  }

  function renderNotice(n: Notice | null): void {
    const sig = JSON.stringify(n);
    if (sig === signatures.notice) return;
    signatures.notice = sig;
    if (!n) return replace(noticeSlot);
    const iconName: IconName = n.tone === "success" ? "success" : n.tone === "error" ? "error" : n.tone === "warning" ? "warning" : "info";
    replace(
      noticeSlot,
      h(
        "div",
        { class: `message-bar tone-${n.tone}`, role: n.tone === "error" ? "alert" : "status" },
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

  function renderBanner(b: TemplateBanner, busy: boolean): void {
    const sig = JSON.stringify([b, busy]);
    if (sig === signatures.banner) return;
    signatures.banner = sig;
    // Keep what the clerk typed when the banner is rebuilt.
    if (agencyInput) lastAgency = agencyInput.value;
    const lastYear = yearSelect?.value;
    agencyInput = null;
    yearSelect = null;
    if (!b) return replace(bannerSlot);

    const heading =
      b.kind === "missing" ? S.template.missingTitle : S.template.damagedTitle;
    const body =
      b.kind === "missing" ? S.template.missingBody : S.template.damagedBody(b.roles.map((r) => SHEET_NAMES[r] ?? r).join("、"));
    const card = h("section", { class: "card banner", attrs: { "aria-labelledby": "banner-title", "data-banner": b.kind } });
    card.append(h("h2", { class: "card-title", id: "banner-title" }, icon("table"), heading), h("p", { class: "card-body" }, body));

    if (b.canInsert) {
      agencyInput = h("input", {
        class: "input",
        id: "agency-input",
        type: "text",
        attrs: { placeholder: S.template.agencyPlaceholder, autocomplete: "organization", maxlength: 60 },
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
          on: {
            submit: (ev) => {
              ev.preventDefault();
              handlers.insert(readForm());
            },
          },
        },
        h("label", { class: "field-label", attrs: { for: "agency-input" } }, S.template.agencyLabel),
        agencyInput,
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
      .map((s) => h("span", { class: `badge badge-${s}`, attrs: { "aria-label": `${S.severity[s]} ${g.counts[s]}` } }, String(g.counts[s])));
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
    // Keep keyboard focus on the same finding across re-renders.
    const focused = (document.activeElement as HTMLElement | null)?.closest?.("[data-focus-id]")?.getAttribute("data-focus-id") ?? null;
    if (vm.readError) {
      replace(list, h("p", { class: "empty error-text" }, vm.readError));
    } else if (vm.total === 0 && vm.summary.tone === "ok") {
      replace(list, h("div", { class: "empty ok" }, icon("success", "icon empty-icon"), h("p", {}, S.list.empty)));
    } else {
      replace(list, ...vm.groups.map(renderGroup));
    }
    if (focused) {
      const again = list.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(focused)}"]`);
      again?.focus();
    }
  }

  function setBusy(btn: HTMLButtonElement, busy: boolean, disabled: boolean): void {
    btn.disabled = disabled;
    btn.classList.toggle("is-busy", busy);
    btn.setAttribute("aria-busy", busy ? "true" : "false");
  }

  // ---------------------------------------------------------------- update
  function update(vm: ViewModel): void {
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
    renderTransfer(vm.transfer);
    // While 结转/导入 is open it inserts the template itself: one place to act, not two.
    renderBanner(vm.transfer ? null : vm.banner, vm.busy !== null);
    renderList(vm);
    // A hook for the E2E test: "idle" once a pass has finished and none is running.
    root.setAttribute("data-state", vm.validating || vm.summary.tone === "busy" ? "busy" : "idle");
  }

  return { update, root };
}

/** Arrow keys move between toolbar buttons (WAI-ARIA toolbar pattern); Tab leaves the toolbar. */
function rovingKeys(ev: KeyboardEvent, toolbar: HTMLElement): void {
  if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(ev.key)) return;
  const buttons = [...toolbar.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
  const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (i === -1 || buttons.length === 0) return;
  const next =
    ev.key === "Home" ? 0 : ev.key === "End" ? buttons.length - 1 : (i + (ev.key === "ArrowRight" ? 1 : -1) + buttons.length) % buttons.length;
  buttons[next]!.focus();
  ev.preventDefault();
}

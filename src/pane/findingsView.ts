/**
 * The findings region: findings by table and severity, many blank cells as one expandable row,
 * each finding a button that selects its cells; arrow keys move through the list (one tab stop),
 * and keyboard focus stays on the same finding across re-renders.
 */
import { h, icon, replace, type IconName } from "./dom";
import { rovingKeydown, setTabStop } from "./roving";
import { type BlankGroupItem, type FindingItem, type ListItem, type TableGroup, type ViewModel } from "./state";
import { S } from "./strings";

export interface FindingsHandlers {
  select(cells: string[]): void;
  toggle(id: string): void;
  /** A finding's one-click fix: LEDGER.MATCH → 按台账填写 (the preview opens; nothing written yet). */
  ledgerFill(): void;
}

export interface FindingsView {
  root: HTMLElement;
  update(vm: ViewModel): void;
  /** The list's keyboard stops in order (finding buttons, group toggles, 全部选中). */
  items(): HTMLElement[];
  contains(el: Element): boolean;
}

const SEVERITY_ICON: Record<string, IconName> = { error: "error", warning: "warning", info: "info", todo: "todo" };

/** `onEmptied`: where focus goes when it was in the list and the list is now empty. */
export function createFindingsView(handlers: FindingsHandlers, onEmptied: () => void): FindingsView {
  const listHeading = h("h2", { class: "visually-hidden", id: "findings-heading" }, S.list.regionLabel);
  const list = h("div", { class: "findings", id: "findings" });
  const findingsRegion = h("section", { class: "findings-region", attrs: { "aria-labelledby": "findings-heading" } }, listHeading, list);
  let signature = "";

  function renderFinding(item: FindingItem): HTMLElement {
    const f = item.finding;
    // An empty part or cell is shown as 待填, whatever its rule's severity at export.
    const kind = item.todo ? "todo" : f.severity;
    const textId = `text-${item.id.replace(/[^a-z0-9]/gi, "-")}`;
    const content = [icon(SEVERITY_ICON[kind] ?? "info", "icon sev-icon"), h("span", { class: "item-text", id: textId }, f.message)];
    if (!item.selectable) {
      return h("div", { class: `item static sev-${kind}`, attrs: { "data-rule": f.rule } }, ...content);
    }
    const go = h(
      "button",
      {
        type: "button",
        class: `item sev-${kind}`,
        title: S.list.goTo,
        attrs: { "data-focus-id": item.id, "data-rule": f.rule, "data-cells": f.cells.join(" ") },
        on: { click: () => handlers.select(f.cells) },
      },
      ...content,
      icon("target", "icon go-icon"),
    );
    if (item.fix !== "ledgerFill") return go;
    // The fix beside the finding, its own stop in the list (a button cannot hold another).
    const fix = h(
      "button",
      {
        type: "button",
        class: "btn btn-secondary item-fix",
        attrs: { "data-focus-id": `${item.id}:fix`, "data-action": "finding-ledger-fill", "aria-describedby": textId },
        on: { click: () => handlers.ledgerFill() },
      },
      icon("table"),
      h("span", { class: "btn-label" }, S.ledger.fillShort),
    );
    return h("div", { class: "item-with-fix" }, go, fix);
  }

  function renderBlankGroup(g: BlankGroupItem): HTMLElement {
    const panelId = `panel-${g.id.replace(/[^a-z0-9]/gi, "-")}`;
    const toggle = h(
      "button",
      {
        type: "button",
        class: `item group-toggle sev-todo${g.expanded ? " expanded" : ""}`,
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
    const badges = (["error", "warning", "info", "todo"] as const)
      .filter((s) => g.counts[s] > 0)
      // Plain spans may not carry aria-label: the severity is visually hidden text instead.
      .map((s) => h("span", { class: `badge badge-${s}` }, h("span", { class: "visually-hidden" }, `${s === "todo" ? S.list.todo : S.severity[s]} `), String(g.counts[s])));
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

  function update(vm: ViewModel): void {
    const sig = JSON.stringify([
      // The section too: a finding keeps its text when it moves from 待填 to 错误 (registers only → typed).
      vm.groups.map((g) => [g.id, g.sections.map((s) => [s.severity, s.items.map((i) => (i.kind === "finding" ? [i.id, i.finding.message] : [i.id, i.label, i.expanded, i.cells.length]))])]),
      vm.total,
      vm.summary.tone,
      vm.readError,
    ]);
    if (sig === signature) return;
    signature = sig;
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
    else if (hadFocus) onEmptied(); // the list is empty now
  }

  /** The list's keyboard stops in order (finding buttons, group toggles, 全部选中). */
  function listItems(): HTMLElement[] {
    return [...list.querySelectorAll<HTMLElement>("[data-focus-id]")];
  }
  list.addEventListener("keydown", (ev) => void rovingKeydown(ev, listItems(), "vertical"));
  list.addEventListener("focusin", (ev) => void setTabStop(listItems(), ev.target as HTMLElement));

  return { root: findingsRegion, update, items: listItems, contains: (el) => list.contains(el) };
}

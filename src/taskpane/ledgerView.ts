/**
 * The 台账 section of the pane: counts, the 已逾期 / 即将到期 rows (one roving list: arrows move,
 * Enter or click selects the register row) and "按台账填写表三/表四". Rebuilt only when what it shows
 * changed; focus on a row that disappears moves to the section heading, never to <body>.
 */
import { h, replace } from "./dom";
import type { DeadlineItem, LedgerSummary } from "./ledgerState";
import { rovingKeydown, setTabStop } from "./roving";
import { S } from "./strings";

export interface LedgerHandlers {
  select(cells: string[]): void;
  fill(): void;
}

export interface LedgerView {
  root: HTMLElement;
  render(summary: LedgerSummary | null, canFill: boolean): void;
}

export function createLedgerView(handlers: LedgerHandlers): LedgerView {
  const heading = h("h2", { class: "ledger-title", id: "ledger-title", tabIndex: -1 }, S.ledger.title);
  const body = h("div", { class: "ledger-body" });
  const root = h("section", { class: "card ledger", hidden: true, attrs: { "aria-labelledby": "ledger-title", "data-region": "ledger" } }, heading, body);
  let signature = "";
  let current: HTMLElement | null = null;
  const items = () => Array.from(body.querySelectorAll<HTMLElement>(".ledger-item"));
  body.addEventListener("keydown", (ev) => {
    const moved = rovingKeydown(ev, items(), "vertical");
    if (moved) current = moved;
  });

  function item(d: DeadlineItem, tone: "overdue" | "dueSoon"): HTMLElement {
    return h(
      "button",
      { type: "button", class: `ledger-item ledger-${tone}`, attrs: { "data-key": d.key }, on: { click: () => handlers.select([d.key]), focus: (ev) => (current = ev.currentTarget as HTMLElement) } },
      d.text,
    );
  }

  function list(title: string, id: string, rows: DeadlineItem[], tone: "overdue" | "dueSoon"): HTMLElement[] {
    return [
      h("h3", { class: "ledger-list-title", id }, `${title}（${rows.length}）`),
      rows.length
        ? h("ul", { class: "ledger-list", attrs: { "aria-labelledby": id } }, ...rows.map((r) => h("li", {}, item(r, tone))))
        : h("p", { class: "ledger-none" }, S.ledger.none),
    ];
  }

  function render(summary: LedgerSummary | null, canFill: boolean): void {
    const sig = JSON.stringify([summary, canFill]);
    if (sig === signature) return;
    signature = sig;
    const hadFocus = root.contains(document.activeElement);
    const focusedKey = current?.getAttribute("data-key") ?? null;
    const fillHadFocus = hadFocus && document.activeElement?.getAttribute("data-action") === "ledger-fill";
    root.hidden = summary === null;
    if (!summary) {
      replace(body);
      current = null;
      return;
    }
    const fill = h("button", { type: "button", class: "btn-secondary ledger-fill", disabled: !canFill, attrs: { "data-action": "ledger-fill" }, on: { click: () => handlers.fill() } }, S.ledger.fill);
    replace(
      body,
      h("p", { class: "ledger-counts" }, S.ledger.counts(summary.applications, summary.answered, summary.pending, summary.cases)),
      ...list(S.ledger.overdueTitle, "ledger-overdue", summary.overdue, "overdue"),
      ...list(S.ledger.dueSoonTitle, "ledger-due-soon", summary.dueSoon, "dueSoon"),
      fill,
    );
    const all = items();
    current = all.find((el) => el.getAttribute("data-key") === focusedKey) ?? null;
    setTabStop(all, current);
    if (!hadFocus) return;
    if (fillHadFocus && !fill.disabled) fill.focus();
    else if (current) current.focus();
    else heading.focus();
  }

  return { root, render };
}

/**
 * The notices region: one message bar (what just happened, with its follow-up buttons) and the
 * two persistent live regions every announcement of the pane goes through.
 */
import { linkButton } from "./controls";
import { h, icon, replace, type IconName } from "./dom";
import type { Notice } from "./state";
import { S } from "./strings";

export interface NoticeHandlers {
  noticeAction(id: string): void;
  dismissNotice(): void;
  openLink(href: string, ev: Event): void;
}

export interface NoticeView {
  /** The message bar's slot. */
  root: HTMLElement;
  /** The persistent live regions (placed outside <main>, present from the start). */
  live: HTMLElement[];
  update(n: Notice | null): void;
  announce(kind: "status" | "alert", text: string): void;
  /** The notice shown (Escape dismisses it). */
  current(): Notice | null;
}

export function createNoticeView(handlers: NoticeHandlers): NoticeView {
  // Persistent live regions for notices: present from the start, only their text changes, so
  // screen readers announce every notice (a region inserted with its text is often missed).
  const noticeStatus = h("div", { class: "visually-hidden", role: "status", attrs: { "aria-live": "polite", "aria-atomic": "true", "data-live": "status" } });
  const noticeAlert = h("div", { class: "visually-hidden", role: "alert", attrs: { "aria-live": "assertive", "aria-atomic": "true", "data-live": "alert" } });
  const noticeSlot = h("div", { class: "notice-slot" });
  let signature = "";
  let current: Notice | null = null;

  /** Say something through the persistent live regions (the other one is cleared). */
  function announce(kind: "status" | "alert", text: string): void {
    const [on, off] = kind === "alert" ? [noticeAlert, noticeStatus] : [noticeStatus, noticeAlert];
    off.textContent = "";
    // The same text twice is a new event for the clerk: clear first so it is read again.
    if (on.textContent === text) on.textContent = "";
    on.textContent = text;
  }

  function update(n: Notice | null): void {
    const sig = JSON.stringify(n);
    if (sig === signature) return;
    signature = sig;
    current = n;
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
          n.link ? linkButton(n.link.href, n.link.label, n.link.download, handlers.openLink) : null,
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

  return { root: noticeSlot, live: [noticeStatus, noticeAlert], update, announce, current: () => current };
}

/**
 * The small dialog a ribbon command shows its result in (function commands have no UI of their
 * own, and Excel has no notification bar for add-ins). Reads tone/text/link from the query
 * string, renders them as text, and tells the opener to close it on 确定.
 */
import { h, icon, replace, type IconName } from "../../../pane/dom";
import { S } from "../../../pane/strings";
import { applyTheme } from "../../../pane/theme";

const TONE_ICON: Record<string, IconName> = { success: "success", info: "info", warning: "warning", error: "error" };

export interface NoticeParams {
  tone: string;
  text: string;
  link: string | null;
  linkLabel: string | null;
}

export function noticeParams(search: string): NoticeParams {
  const q = new URLSearchParams(search);
  const link = q.get("link");
  // Only links back to our own pages (the template file); never an arbitrary scheme.
  const safe = link && /^https:\/\//i.test(link) && new URL(link).origin === location.origin ? link : null;
  return { tone: q.get("tone") ?? "info", text: q.get("text") ?? "", link: safe, linkLabel: q.get("linkLabel") };
}

function render(root: HTMLElement, p: NoticeParams): void {
  const close = () => {
    try {
      Office.context.ui.messageParent("close");
    } catch {
      window.close();
    }
  };
  const ok = h("button", { type: "button", class: "btn btn-primary", on: { click: close } }, S.commands.ok);
  replace(
    root,
    h(
      "section",
      { class: "card" },
      h("h1", { class: "card-title" }, icon(TONE_ICON[p.tone] ?? "info"), S.commands.noticeTitle),
      h("p", { class: "card-body", role: p.tone === "error" ? "alert" : "status" }, p.text),
      p.link
        ? h("a", { class: "btn-link", href: p.link, attrs: { target: "_blank", rel: "noopener", download: "政务公开年报模板.xlsx" } }, icon("download"), p.linkLabel ?? S.actions.downloadTemplate)
        : null,
      h("div", { class: "notice-actions" }, ok),
    ),
  );
  ok.focus();
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") close();
  });
}

void Office.onReady(() => {
  applyTheme(document, Office.context?.officeTheme);
  const root = document.getElementById("notice");
  if (root) render(root, noticeParams(location.search));
});

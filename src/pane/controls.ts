/**
 * The pane's two kinds of plain control: a toolbar-style button that stays focusable while
 * unavailable, and a link styled as a button that the host may open outside the pane.
 */
import { h, icon, type IconName } from "./dom";

/**
 * A toolbar button. Unavailable is aria-disabled, not disabled: a focused button that became
 * disabled (busy while exporting) would drop keyboard focus to <body>.
 */
export function button(label: string, iconName: IconName | null, cls: string, onClick: () => void, extra: Record<string, string | boolean | null> = {}): HTMLButtonElement {
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

/** A link (the template file, an exported file): `openLink` may open it outside the pane instead. */
export function linkButton(href: string, label: string, download: string | undefined, openLink: (href: string, ev: Event) => void): HTMLAnchorElement {
  return h(
    "a",
    {
      class: "btn-link",
      href,
      attrs: { download: download ?? null, target: "_blank", rel: "noopener" },
      on: { click: (ev) => openLink(href, ev) },
    },
    icon("download"),
    label,
  );
}

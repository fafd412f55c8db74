/**
 * Fallback for Trident (IE11), the webview of Office 2016/2019 volume-licensed editions: the
 * modern pane (type="module") never runs there, so this ES5 bundle (separate webpack config,
 * target ES5) says so plainly and offers the template as a file. Microsoft recommends exactly
 * this graceful message ("Support older Microsoft webviews and Office versions").
 * Keep it ES5-safe: no Promise, fetch, classList-on-SVG, or DOM APIs newer than IE11.
 */
import { S } from "./strings";

declare const Office: { onReady?: (cb: () => void) => void } | undefined;

function text(tag: string, cls: string, value: string): HTMLElement {
  const el = document.createElement(tag);
  el.className = cls;
  el.appendChild(document.createTextNode(value));
  return el;
}

function show(): void {
  const app = document.getElementById("app");
  if (!app) return;
  while (app.firstChild) app.removeChild(app.firstChild);
  const card = document.createElement("section");
  card.className = "card banner legacy";
  card.appendChild(text("h1", "card-title", S.legacy.title));
  card.appendChild(text("p", "card-body", S.legacy.body));
  const link = text("a", "btn btn-primary", S.actions.downloadTemplate) as HTMLAnchorElement;
  link.setAttribute("href", "template/xxgk-template.xlsx");
  link.setAttribute("target", "_blank");
  link.setAttribute("download", "政务公开年报模板.xlsx");
  card.appendChild(link);
  app.appendChild(text("p", "app-line", S.appName));
  app.appendChild(card);
}

// Office expects every add-in page to initialise; nothing else is needed here.
if (typeof Office !== "undefined" && Office && Office.onReady) Office.onReady(function () {});
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
else show();

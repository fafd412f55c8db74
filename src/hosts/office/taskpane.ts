/**
 * Task pane entry in Office: wait for Office.js, follow the Office theme, mount the pane on the
 * Office.js workbook port, and re-validate when the ribbon command inserted the template.
 */
import { mountPane } from "../../pane/app";
import { h, icon, replace } from "../../pane/dom";
import { besideThePage, createHostPort, openInBrowser, PANE_CHANNEL, templateUrl } from "./officeHost";
import { S } from "../../pane/strings";
import { applyTheme } from "../../pane/theme";

void Office.onReady((info) => {
  applyTheme(document, Office.context?.officeTheme);
  const root = document.getElementById("app");
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    // Opened in a plain browser (or another Office app): say where it belongs instead of failing.
    replace(
      root,
      h("main", { class: "pane-main" }, h("section", { class: "card banner", attrs: { "data-banner": "not-excel" } }, h("h1", { class: "card-title" }, icon("info"), S.notInExcel.title), h("p", { class: "card-body" }, S.notInExcel.body))),
    );
    return;
  }
  const pane = mountPane(root, {
    port: createHostPort(),
    host: {
      templateUrl: templateUrl(),
      openUrl: openInBrowser,
      // PDF fonts are served from our own origin (intranet); files are delivered per host by src/delivery.
      exportHost: { fontsBaseUrl: besideThePage("fonts/") },
    },
  });
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(PANE_CHANNEL);
    channel.onmessage = (ev: MessageEvent<{ type?: string }>) => {
      if (ev.data?.type === "template-inserted") void pane.validate();
    };
  }
});

/**
 * The task pane entry in WPS 表格: the same pane as in Excel (mountPane), on the WPS adapter,
 * with the WPS host (delivery, links, theme). Outside WPS it says where it belongs.
 */
import { mountPane } from "../../pane/app";
import { h, replace } from "../../pane/dom";
import { applyTheme } from "../../pane/theme";
import { hostApplication } from "./et";
import { wpsHost } from "./host";
import { WPS_TEXT } from "./messages";
import { PANE_CHANNEL } from "./ribbonIds";
import { createWpsWorkbook } from "./wpsWorkbook";

const root = document.getElementById("app");
const app = hostApplication();
const dark = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
if (root && !app) {
  replace(root, h("main", { class: "pane-main" }, h("p", { class: "card banner", attrs: { "data-banner": "not-wps" } }, WPS_TEXT.notInWps)));
} else if (root && app) {
  const host = wpsHost(app, location.href, dark);
  applyTheme(document, { isDarkTheme: host.theme === "dark" });
  const port = createWpsWorkbook({ app, templateUrl: host.paneHost.templateUrl });
  const pane = mountPane(root, { port, host: host.paneHost });
  // For the administrator's first-machine check in the pane's developer tools (docs/wps.md).
  (window as unknown as { xxgkWps: unknown }).xxgkWps = { port, host, pane };
  if (typeof BroadcastChannel !== "undefined") {
    const channel = new BroadcastChannel(PANE_CHANNEL);
    channel.onmessage = (ev: MessageEvent<{ type?: string }>) => {
      if (ev.data?.type === "template-inserted") {
        port.forget();
        void pane.validate();
      }
    };
  }
}

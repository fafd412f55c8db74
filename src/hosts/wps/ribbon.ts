/**
 * The WPS add-in's entry page (index.html): the callbacks ribbon.xml names, as globals on this
 * page's window (WPS looks them up there). 年报助手 shows or hides the task pane (one per WPS
 * window, its id kept in PluginStorage); 插入年报模板 inserts the template through the same port
 * as the pane, then shows the pane, which validates what was inserted.
 */
import { runInsertTemplate } from "../../pane/insertCommand";
import { hostApplication, type EtAddonRoot as AddonRoot, type EtApplication } from "./et";
import { WPS_TEXT } from "./messages";
import { PANE_CHANNEL, PANE_ID_KEY, RIBBON, RIBBON_CALLBACKS } from "./ribbonIds";
import { createWpsWorkbook } from "./wpsWorkbook";

interface RibbonControl {
  Id: string;
}

const pageUrl = () => location.href;

function addon(): (AddonRoot & EtApplication) | null {
  return hostApplication() as (AddonRoot & EtApplication) | null;
}

/** Show the pane (creating it the first time); `toggle` hides a visible one. */
export function showPane(app: AddonRoot, toggle: boolean): void {
  const id = Number(app.PluginStorage.getItem(PANE_ID_KEY));
  let pane = id ? app.GetTaskPane(id) : null;
  if (!pane) {
    pane = app.CreateTaskPane(new URL("taskpane.html", pageUrl()).toString(), WPS_TEXT.paneTitle);
    app.PluginStorage.setItem(PANE_ID_KEY, pane.ID);
    pane.Visible = true;
    return;
  }
  pane.Visible = toggle ? !pane.Visible : true;
}

async function insert(app: AddonRoot & EtApplication): Promise<void> {
  const templateUrl = new URL("template/xxgk-template.xlsx", pageUrl()).toString();
  const port = createWpsWorkbook({ app, templateUrl });
  const { notice, inserted } = await runInsertTemplate(port, new Date(), templateUrl);
  if (inserted) {
    if (typeof BroadcastChannel !== "undefined") {
      const ch = new BroadcastChannel(PANE_CHANNEL);
      ch.postMessage({ type: "template-inserted" });
      ch.close();
    }
    showPane(app, false);
    return;
  }
  alert(notice.link ? `${notice.text}\n${notice.link.href}` : notice.text);
}

const callbacks: Record<(typeof RIBBON_CALLBACKS)[number], (...args: never[]) => unknown> = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: RibbonControl): boolean {
    const app = addon();
    if (!app) return false;
    if (control.Id === RIBBON.pane) showPane(app, true);
    else if (control.Id === RIBBON.insert) void insert(app);
    return true;
  },
  GetImage(control: RibbonControl): string {
    return control.Id === RIBBON.insert ? "assets/insert-32.png" : "assets/icon-32.png";
  },
  OnGetEnabled(): boolean {
    return true;
  },
};

Object.assign(window, callbacks);

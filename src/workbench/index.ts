/**
 * The workbench: the real task pane beside a small spreadsheet over the in-memory Excel fake, so
 * anyone can try the add-in in a browser without Excel (`npm run workbench`).
 *
 * Query parameters: ?profile=office2019vl|office2019retail|office2021|office2024|m365|web the
 * simulated Excel (default web; ?api=1.7 is an alias, see profile.ts); ?theme=dark the dark
 * Office theme; ?platform=PC the desktop delivery path; ?celledit=1 makes typing in the grid hold
 * Excel's cell-edit mode (batches fail or wait) until Enter, Tab or Esc;
 * ?host=wps the same pane on the WPS adapter over an ET object model fake (src/hosts/wps/workbench.ts).
 */
import type { SaveEnv } from "../delivery";
import { createFakeExcel } from "../hosts/office/fake";
import { workbenchHost } from "./profile";
import { createOfficeWorkbook, type ExcelLike, type OfficeLike } from "../hosts/office/officeWorkbook";
import { runInsertTemplate } from "../pane/insertCommand";
import { mountPane } from "../pane/app";
import { h, icon, replace } from "../pane/dom";
import type { Notice } from "../pane/state";
import { S } from "../pane/strings";
import { applyTheme } from "../pane/theme";
import { mountGrid } from "./grid";
import { fakeGridSource } from "./source";
import { W } from "./strings";
import { WPS_WORKBENCH_HINT, wpsWorkbench } from "../hosts/wps/workbench";

const params = new URLSearchParams(location.search);
const theme = params.get("theme") === "dark" ? "dark" : "light";

const fake = createFakeExcel({ ...workbenchHost(params), firstSheet: "Sheet1" });
const api = fake.profile.apiSets.ExcelApi ?? "";
const platform = fake.profile.platform;
const templateUrl = new URL("template/xxgk-template.xlsx", location.href).toString();
const wps = params.get("host") === "wps" ? wpsWorkbench(fake.workbook, templateUrl) : null;
const port = wps ? wps.port : createOfficeWorkbook({ Excel: fake.Excel as unknown as ExcelLike, Office: fake.Office as unknown as OfficeLike });

/** Files are downloaded as on Office on the web (the workbench has no hand-off server). */
function browserSaveEnv(): SaveEnv {
  return {
    platform: "OfficeOnline",
    canOpenBrowserWindow: false,
    openBrowserWindow: () => undefined,
    handoffUrl: "",
    fetch: window.fetch.bind(window),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    downloadBlob: (blob, fileName) => {
      const url = URL.createObjectURL(blob);
      const a = h("a", { href: url, attrs: { download: fileName, rel: "noopener" } });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
  };
}

// ------------------------------------------------------------------ layout
applyTheme(document, { isDarkTheme: theme === "dark" });
const root = document.getElementById("wb")!;
const toast = h("div", { class: "wb-toast", role: "status", attrs: { "aria-live": "polite" } });
const gridRoot = h("section", { class: "wb-sheet", attrs: { "aria-label": W.sheetRegion } });
const paneRoot = h("div", { class: "pane", id: "app" });
const paneBox = h(
  "aside",
  { class: "wb-pane", attrs: { "aria-label": W.paneRegion } },
  h("div", { class: "wb-pane-head" }, h("span", {}, W.paneTitle), h("button", { type: "button", class: "btn-icon", attrs: { "aria-label": W.closePane, "data-action": "close-pane" }, on: { click: () => togglePane(false) } }, icon("dismiss"))),
  h("div", { class: "wb-pane-body" }, paneRoot),
);

function showToast(n: Notice): void {
  replace(toast, h("div", { class: `message-bar tone-${n.tone}` }, icon(n.tone === "success" ? "success" : n.tone === "error" ? "error" : n.tone === "warning" ? "warning" : "info", "icon mb-icon"), h("div", { class: "mb-body" }, h("span", { class: "mb-text" }, n.text))));
  toast.classList.add("show");
  setTimeout(() => toast.classList.remove("show"), 6000);
}

function togglePane(show?: boolean): void {
  paneBox.hidden = show === undefined ? !paneBox.hidden : !show;
}

const ribbon = h(
  "div",
  { class: "wb-ribbon", role: "toolbar", attrs: { "aria-label": W.ribbon } },
  h("span", { class: "wb-tab" }, W.homeTab),
  h(
    "div",
    { class: "wb-group" },
    h("button", { type: "button", class: "wb-rbtn", attrs: { "data-action": "ribbon-pane" }, on: { click: () => togglePane() } }, h("img", { attrs: { src: "assets/icon-32.png", alt: "", width: 32, height: 32 } }), h("span", {}, W.paneButton)),
    h(
      "button",
      {
        type: "button",
        class: "wb-rbtn",
        attrs: { "data-action": "ribbon-insert" },
        on: {
          click: () =>
            void (async () => {
              const { notice, inserted } = await runInsertTemplate(port, new Date(), templateUrl);
              showToast(notice);
              if (inserted) await pane.validate();
            })(),
        },
      },
      h("img", { attrs: { src: "assets/insert-32.png", alt: "", width: 32, height: 32 } }),
      h("span", {}, S.actions.insertLong),
    ),
    h("span", { class: "wb-group-label" }, W.groupLabel),
  ),
  h("span", { class: "wb-hint" }, wps ? WPS_WORKBENCH_HINT : W.hint(fake.profile.label, api, platform)),
);

replace(root, h("header", { class: "wb-title" }, h("strong", {}, W.title), h("span", {}, W.subtitle)), ribbon, h("div", { class: "wb-body" }, gridRoot, paneBox), toast);

const gridSource = fakeGridSource(fake.workbook, (message) => showToast({ tone: "warning", text: message }));
if (params.get("celledit") === "1") {
  // Opt-in: typing in the grid holds Excel's cell-edit mode until Enter, Tab or Esc.
  gridSource.editing = (on) => {
    if (on && !fake.workbook.cellEditing) fake.workbook.beginCellEdit();
    else if (!on && fake.workbook.cellEditing) fake.workbook.endCellEdit();
  };
}
mountGrid(gridRoot, gridSource);
const pane = mountPane(paneRoot, {
  port,
  host: {
    templateUrl,
    exportHost: { fontsBaseUrl: new URL("fonts/", location.href).toString(), saveEnv: browserSaveEnv },
  },
});

// For the E2E test and the console: the fake workbook and the pane controller.
(window as unknown as { xxgk: unknown }).xxgk = { fake, pane, port, wps };

/**
 * The WPS host object: exports go to our server's hand-off (beside the Office add-in, one level
 * up from …/wps/) and open in the system browser through OAAssist.ShellExecute; links too.
 */
import { saveFile } from "../../../src/delivery";
import { createFakeEt } from "../../../src/hosts/wps/fake";
import { handoffUrl, wpsHost, wpsSaveEnv } from "../../../src/hosts/wps/host";
import type { EtApplication } from "../../../src/hosts/wps/et";

const PAGE = "https://xxgk.example.gov.cn/addin/wps/taskpane.html";

function appWithShell(): { app: EtApplication; opened: string[] } {
  const opened: string[] = [];
  const base = createFakeEt().Application;
  const app = Object.create(base) as EtApplication;
  Object.defineProperty(app, "OAAssist", { value: { DownloadFile: () => "", ShellExecute: (f: string) => opened.push(f) } });
  return { app, opened };
}

test("the hand-off endpoint is the Office add-in's, one level above the WPS pages", () => {
  expect(handoffUrl(PAGE)).toBe("https://xxgk.example.gov.cn/addin/api/handoff");
});

test("an export is posted to the hand-off and its one-time link opened in the system browser", async () => {
  const { app, opened } = appWithShell();
  const posted: string[] = [];
  const env = {
    ...wpsSaveEnv(app, PAGE),
    fetch: (async (url: string) => {
      posted.push(url);
      if (url.endsWith("/token")) return new Response(JSON.stringify({ token: "t1" }), { status: 200 });
      return new Response(JSON.stringify({ url: "https://xxgk.example.gov.cn/addin/api/handoff/abc" }), { status: 200 });
    }) as unknown as typeof fetch,
  };
  const out = await saveFile(new Blob(["x"], { type: "application/pdf" }), "年报.pdf", env);
  // A one-use upload token from the same server first, then the upload itself.
  expect(posted).toEqual(["https://xxgk.example.gov.cn/addin/api/handoff/token", "https://xxgk.example.gov.cn/addin/api/handoff"]);
  expect(opened).toEqual(["https://xxgk.example.gov.cn/addin/api/handoff/abc"]);
  expect(out.kind).toBe("opened");
});

test("offline (no server): the pane gets a link instead of failing silently", async () => {
  const { app } = appWithShell();
  const env = {
    ...wpsSaveEnv(app, "file:///C:/Users/x/AppData/Roaming/kingsoft/wps/jsaddons/xxgk-report_0.1.0/taskpane.html"),
    fetch: (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch,
    createObjectURL: () => "blob:x",
  };
  const out = await saveFile(new Blob(["x"]), "年报.docx", env);
  expect(out).toMatchObject({ kind: "fallback", url: "blob:x" });
});

test("the host object: insertion supported, links through ShellExecute, theme from the webview", () => {
  const { app, opened } = appWithShell();
  const host = wpsHost(app, PAGE, true);
  expect(host.capabilities).toEqual({ insertTemplate: true, openBrowserWindow: false, platform: "WPS" });
  expect(host.theme).toBe("dark");
  expect(host.paneHost.templateUrl).toBe("https://xxgk.example.gov.cn/addin/wps/template/xxgk-template.xlsx");
  expect(host.paneHost.openUrl!("https://xxgk.example.gov.cn/addin/wps/help.html")).toBe(true);
  expect(host.paneHost.openUrl!("javascript:alert(1)")).toBe(false);
  expect(opened).toEqual(["https://xxgk.example.gov.cn/addin/wps/help.html"]);
});

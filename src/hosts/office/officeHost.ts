/**
 * Office-specific glue shared by the pane and the function file: the Office.js port, where the
 * template file is served, opening links outside the webview, and the channel the ribbon
 * command uses to tell an open pane that the template was inserted.
 */
import type { WorkbookPort } from "../../workbook/port";
import { createOfficeWorkbook } from "./officeWorkbook";

/** BroadcastChannel name between the function file and the pane (same origin, separate runtimes). */
export const PANE_CHANNEL = "xxgk-addin";

export function createHostPort(): WorkbookPort {
  return createOfficeWorkbook();
}

/**
 * A path beside the page as an absolute URL, resolved by the document itself (an <a>'s href):
 * `new URL()` would bring core-js's URL, about 10 KB gz, into IE11's first load, which has none.
 */
export function besideThePage(path: string): string {
  const a = document.createElement("a");
  a.href = path;
  return a.href;
}

/** The template .xlsx served beside the pages (for hosts without ExcelApi 1.13). */
export function templateUrl(): string {
  return besideThePage("template/xxgk-template.xlsx");
}

/**
 * Desktop webviews do not download links (WKWebView ignores <a download>; WebView2 blocks some),
 * so open https links in the system browser where Office offers it. Returns true when handled.
 */
export function openInBrowser(url: string): boolean {
  try {
    if (Office.context.requirements.isSetSupported("OpenBrowserWindowApi", "1.1")) {
      Office.context.ui.openBrowserWindow(url);
      return true;
    }
  } catch {
    // fall through to the plain link
  }
  return false;
}

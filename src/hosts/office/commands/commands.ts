/**
 * The ribbon's function file. "插入年报模板" runs the same insertion as the pane, tells an open
 * pane to re-validate, shows the result in a small dialog, and always ends with
 * event.completed() (a function command that never completes leaves Excel waiting).
 */
import type { Notice } from "../../../pane/state";
import { createHostPort, PANE_CHANNEL, templateUrl } from "../officeHost";
import { runInsertTemplate } from "../../../pane/insertCommand";

/** How long the result dialog may stay open before the command completes anyway. */
const DIALOG_TIMEOUT_MS = 5 * 60 * 1000;

function notifyPane(): void {
  if (typeof BroadcastChannel === "undefined") return;
  const ch = new BroadcastChannel(PANE_CHANNEL);
  ch.postMessage({ type: "template-inserted" });
  ch.close();
}

function showNotice(notice: Notice): Promise<void> {
  const url = new URL("notice.html", location.href);
  url.searchParams.set("tone", notice.tone);
  url.searchParams.set("text", notice.text);
  if (notice.link) {
    url.searchParams.set("link", notice.link.href);
    url.searchParams.set("linkLabel", notice.link.label);
  }
  return new Promise((resolve) => {
    let done = false;
    const finish = (dialog?: Office.Dialog) => {
      if (done) return;
      done = true;
      try {
        dialog?.close();
      } catch {
        // already closed by the user
      }
      resolve();
    };
    try {
      Office.context.ui.displayDialogAsync(url.toString(), { height: 32, width: 28, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return finish();
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => finish(dialog));
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => finish(dialog));
        setTimeout(() => finish(dialog), DIALOG_TIMEOUT_MS);
      });
    } catch {
      finish();
    }
  });
}

async function insertTemplate(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const { notice, inserted } = await runInsertTemplate(createHostPort(), new Date(), templateUrl());
    if (inserted) notifyPane();
    await showNotice(notice);
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  // The command reports its own outcome (showNotice) and always completes the event.
  Office.actions.associate("insertTemplate", (event: Office.AddinCommands.Event) => void insertTemplate(event));
});

/**
 * The ribbon's "插入年报模板" as a plain function over the workbook port, shared by the Office
 * function file (commands.ts) and the workbench's mock ribbon.
 */
import type { WorkbookPort } from "../workbook/port";
import { defaultReportYear, insertNotice, type Notice } from "./state";
import { S } from "./strings";

export async function runInsertTemplate(port: WorkbookPort, now: Date, templateUrl: string): Promise<{ notice: Notice; inserted: boolean }> {
  try {
    // The clerk types the agency into the cover sheet; the year defaults to the report year.
    const outcome = await port.insertTemplate({ agency: "", year: defaultReportYear(now) });
    const notice = insertNotice(outcome, templateUrl);
    if (outcome.kind === "inserted") return { notice: { ...notice, text: `${notice.text}${S.commands.openPaneHint}` }, inserted: true };
    return { notice, inserted: false };
  } catch (e) {
    return { notice: { tone: "error", text: S.errors.insertFailed(e instanceof Error && e.message ? e.message : S.errors.unknown) }, inserted: false };
  }
}

/** The document title and a file name both Windows and macOS accept. */
import type { Report } from "../report";
import { text } from "./messages";

export function documentTitle(report: Report): string {
  const t = report.meta.title?.trim();
  if (t) return t;
  const { agency, year } = report.meta;
  return text.defaultTitle(agency?.trim() || null, year);
}

/** Drop characters Windows forbids (\/:*?"<>| and controls), trailing dots/spaces; cap the length. */
export function safeFileBaseName(title: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim().replace(/[. ]+$/, "");
  const capped = [...cleaned].slice(0, 80).join("");
  return capped || text.fallbackFileName;
}

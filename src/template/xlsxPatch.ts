/**
 * Renaming the template's sheets inside the .xlsx before it is inserted (browser-safe, fflate).
 * The add-in never renames after insertWorksheetsFromBase64: what Excel does when an inserted
 * sheet's name clashes with an existing one is unconfirmed, so the names are made distinct first.
 * Besides the sheet list, the sheet-scoped print names, the document properties and the marker's
 * copy number ("set"), the registers' formulas name other sheets (always quoted: '表三'!D5), and
 * are renamed with them.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { MARKER_PREFIX } from "./marker";

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** A sheet reference as it appears in a formula: always quoted (valid for every name). */
function quotedRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface PatchOptions {
  /** Old sheet name → new sheet name. */
  rename: Record<string, string>;
  /** Copy number written into every marker ("…|set=N"). */
  set?: number;
}

export function patchTemplate(xlsx: Uint8Array, opts: PatchOptions): Uint8Array {
  const files = unzipSync(xlsx);
  const renames = Object.entries(opts.rename).filter(([a, b]) => a !== b);

  const wbXml = files["xl/workbook.xml"];
  if (!wbXml) throw new Error("xl/workbook.xml missing");
  let wb = strFromU8(wbXml);
  wb = wb.replace(/(<sheet\b[^>]*\bname=")([^"]*)(")/g, (all, pre: string, name: string, post: string) => {
    const to = opts.rename[xmlUnescape(name)];
    return to === undefined ? all : `${pre}${xmlEscape(to)}${post}`;
  });
  wb = wb.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (_all, open: string, body: string, close: string) => {
    let text = xmlUnescape(body);
    for (const [from, to] of renames) {
      text = text.split(`${quotedRef(from)}!`).join(`${quotedRef(to)}!`);
      text = text.replace(new RegExp(`(^|[^'\\w])${from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`, "g"), `$1${quotedRef(to)}!`);
    }
    return `${open}${xmlEscape(text)}${close}`;
  });
  files["xl/workbook.xml"] = strToU8(wb);

  const app = files["docProps/app.xml"];
  if (app) {
    let s = strFromU8(app);
    for (const [from, to] of renames) s = s.split(`<vt:lpstr>${xmlEscape(from)}</vt:lpstr>`).join(`<vt:lpstr>${xmlEscape(to)}</vt:lpstr>`);
    files["docProps/app.xml"] = strToU8(s);
  }

  if (renames.length) {
    for (const path of Object.keys(files)) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) continue;
      let text = strFromU8(files[path]!);
      let changed = false;
      for (const [from, to] of renames) {
        // Quoted references only; ExcelJS writes the apostrophes as &apos; or as-is.
        for (const q of [`&apos;${xmlEscape(from).replace(/&apos;/g, "&apos;&apos;")}&apos;!`, `'${xmlEscape(from)}'!`]) {
          if (text.includes(q)) {
            text = text.split(q).join(q.startsWith("&apos;") ? xmlEscape(quotedRef(to)) + "!" : `'${xmlEscape(to)}'!`);
            changed = true;
          }
        }
      }
      if (changed) files[path] = strToU8(text);
    }
  }

  if (opts.set !== undefined) {
    const re = new RegExp(`(${MARKER_PREFIX}\\|[^<"]*?\\|set=)\\d+`, "g");
    for (const path of Object.keys(files)) {
      if (path === "xl/sharedStrings.xml" || /^xl\/worksheets\/sheet\d+\.xml$/.test(path)) {
        const s = strFromU8(files[path]!);
        if (s.includes(MARKER_PREFIX)) files[path] = strToU8(s.replace(re, `$1${opts.set}`));
      }
    }
  }
  return zipSync(files, { level: 6 });
}

/**
 * CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF), comma-, semicolon- or tab-separated. Decoding (UTF-8 / GB18030 from Excel's
 * Chinese "CSV") is the importer's decodeBytes. Fields are slices of the text, found with
 * indexOf and one pattern, never built a character at a time; rows, columns, cells and field
 * length are bounded (./limits), and past a bound RegisterTooLarge says which.
 */
import { decodeBytes } from "../import/decode";
import { MAX_CSV_COLUMNS, MAX_FIELD_CHARS, MAX_REGISTER_CELLS, MAX_REGISTER_ROWS, RegisterTooLarge } from "./limits";
import { LEDGER_LIMIT_MSG } from "./messages";

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter used most on the first line (comma when none is). */
function delimiterOf(text: string): string {
  const nl = text.search(/[\r\n]/);
  const end = nl >= 0 ? nl : text.length;
  let best: string = ",";
  let most = 0;
  for (const d of DELIMITERS) {
    let n = 0;
    for (let at = text.indexOf(d); at >= 0 && at < end; at = text.indexOf(d, at + 1)) n++;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

export function parseCsvText(text: string): string[][] {
  const delim = delimiterOf(text);
  const D = delim.charCodeAt(0);
  // Can match the empty string, so exec() from lastIndex always stops at the first end of a field.
  const END = new RegExp(`[^${delim === "\t" ? "\\t" : delim}\\r\\n]*`, "g");
  const rows: string[][] = [];
  const n = text.length;
  let row: string[] = [];
  let cells = 0;
  let i = 0;
  const tooLong = () => new RegisterTooLarge(LEDGER_LIMIT_MSG.fieldTooLong(rows.length + 1, MAX_FIELD_CHARS));
  for (;;) {
    // Nothing left: a final line break adds no empty row (and an empty text has none).
    if (i >= n && row.length === 0) break;
    // One field from i.
    let field: string;
    if (text.charCodeAt(i) === 0x22 /* " */) {
      const parts: string[] = [];
      let size = 0;
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        const end = q < 0 ? n : q;
        size += end - j;
        if (size > MAX_FIELD_CHARS) throw tooLong();
        parts.push(text.slice(j, end));
        if (q < 0) {
          // An unclosed quote runs to the end of the file, as spreadsheets read it.
          j = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 0x22) {
          parts.push('"');
          size++;
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Text after the closing quote, up to the delimiter, belongs to the field ("ab"c → abc).
      END.lastIndex = j;
      const rest = END.exec(text)![0];
      if (size + rest.length > MAX_FIELD_CHARS) throw tooLong();
      if (rest) parts.push(rest);
      field = parts.join("");
      i = j + rest.length;
    } else {
      END.lastIndex = i;
      field = END.exec(text)![0];
      if (field.length > MAX_FIELD_CHARS) throw tooLong();
      i += field.length;
    }
    row.push(field);
    if (row.length > MAX_CSV_COLUMNS) throw new RegisterTooLarge(LEDGER_LIMIT_MSG.tooManyColumns(rows.length + 1, MAX_CSV_COLUMNS, MAX_CSV_COLUMNS));
    if (++cells > MAX_REGISTER_CELLS) throw new RegisterTooLarge(LEDGER_LIMIT_MSG.tooManyCells(MAX_REGISTER_CELLS));
    const c = text.charCodeAt(i);
    if (c === D) {
      i++;
      continue;
    }
    // End of a record: a line break or the end of the text. A final line break adds no empty row.
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 2;
    else if (i < n) i++;
    rows.push(row);
    // The header and MAX_REGISTER_ROWS data rows.
    if (rows.length > MAX_REGISTER_ROWS + 1) throw new RegisterTooLarge(LEDGER_LIMIT_MSG.tooManyRows("文件", MAX_REGISTER_ROWS));
    row = [];
  }
  return rows;
}

export function parseCsv(bytes: Uint8Array): string[][] {
  return parseCsvText(decodeBytes(bytes).text);
}

/**
 * CSV as spreadsheets write it (RFC 4180: quoted fields, doubled quotes, line breaks inside
 * quotes, CRLF), comma-, semicolon- or tab-separated. Decoding (UTF-8 / GB18030 from Excel's
 * Chinese "CSV") is the importer's decodeBytes.
 */
import { decodeBytes } from "../import/decode";

function delimiterOf(firstLine: string): string {
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ",";
}

export function parseCsvText(text: string): string[][] {
  const nl = text.search(/\r?\n/);
  const delim = delimiterOf(nl >= 0 ? text.slice(0, nl) : text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === delim) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function parseCsv(bytes: Uint8Array): string[][] {
  return parseCsvText(decodeBytes(bytes).text);
}

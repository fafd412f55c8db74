/**
 * Where a finding points, said the way the clerk will look for it: sheet and address for a
 * workbook (表三!E5), printed row and column labels for text, web pages and Word files. The
 * cell keys (T3.R01.C2) stay in --json only.
 */
import { cellInfo, FORMATS, labelPlaces, type Finding, type FormatId } from "../report";
import { sheetPlaces, type SheetNames } from "../template/places";
import { cliText } from "./messages";

export type PlaceNamer = (keys: readonly string[]) => string;

/** Sheet addresses where the report came from a workbook; labels otherwise (and for keys with no address). */
export function placeNamer(format: FormatId, sheetNames: SheetNames | null): PlaceNamer {
  if (sheetNames) return (keys) => sheetPlaces(keys, sheetNames) ?? labelPlaces(keys, format);
  return (keys) => labelPlaces(keys, format);
}

/** "（总计 表三!D28；加数 表三!D7:D27）", "（表三!E5）"; "" when the message already names the place. */
export function whereText(f: Finding, name: PlaceNamer, format: FormatId): string {
  if (f.total?.length && f.addends?.length) {
    return f.rule === "T3.BALANCE" ? cliText.whereBalance(name(f.addends), name(f.total)) : cliText.whereSum(name(f.total), name(f.addends));
  }
  if (f.cells.length === 0) return "";
  const place = name(f.cells);
  // The importer's messages quote the row and its position in the source ("表三 第 24 行…"); a
  // register's name its file and row ("“台账.csv”第 3 行"): only a sheet address adds anything.
  if ((f.rule.startsWith("IMPORT.") || f.rule.startsWith("LEDGER.")) && !/!/.test(place)) return "";
  const only = f.cells.length === 1 ? f.cells[0]! : undefined;
  const label = only === undefined ? undefined : (cellInfo(only, format)?.label ?? FORMATS[format].sections.find((s) => s.key === only)?.heading);
  if (f.message.includes(place) || (label !== undefined && f.message.includes(label) && !/!/.test(place))) return "";
  return cliText.where(place);
}

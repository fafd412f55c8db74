/**
 * How many operations a piece of Office.js code queues, counted before it is queued for real:
 * the code runs once against a stand-in that only counts, so batches can be cut at a known size
 * (Excel hangs on very large batches: OfficeDev/office-js #1046). Office.js puts one action in
 * the request per method call (getRange, merge, add…), property write and load; navigating to a
 * sub-object (range.format.font) adds none. No Proxy (IE11 has none): the stand-in knows the
 * members the template builder uses, and refuses any other write (a counting gap would be a bug).
 */

/** Members that are sub-objects or written values (each read gives a sub-object, each write counts). */
const MEMBERS = [
  "workbook", "worksheets", "format", "font", "fill", "borders", "protection", "dataValidation", "conditionalFormats",
  "freezePanes", "custom", "rule", "values", "formulas", "numberFormat", "columnHidden", "columnWidth", "rowHeight",
  "horizontalAlignment", "verticalAlignment", "wrapText", "name", "size", "bold", "color", "locked", "style", "weight",
  "ignoreBlanks", "prompt", "errorAlert", "priority", "showGridlines", "formula",
] as const;
/** Methods (each call counts and gives a sub-object). */
const METHODS = ["getRange", "getItem", "add", "merge", "freezeAt", "freezeRows", "freezeColumns", "protect", "unprotect", "activate", "delete", "load"] as const;

interface Tally {
  ops: number;
}

class Counting {
  constructor(readonly tally: Tally) {
    Object.preventExtensions(this);
  }
}

for (const m of MEMBERS) {
  Object.defineProperty(Counting.prototype, m, {
    get(this: Counting) {
      return new Counting(this.tally);
    },
    set(this: Counting) {
      this.tally.ops++;
    },
  });
}
for (const m of METHODS) {
  Object.defineProperty(Counting.prototype, m, {
    value(this: Counting) {
      this.tally.ops++;
      return new Counting(this.tally);
    },
  });
}

/** Operations `queue` would put in the request when given a worksheet. */
export function opsOf(queue: (ws: Excel.Worksheet) => void): number {
  const tally: Tally = { ops: 0 };
  queue(new Counting(tally) as unknown as Excel.Worksheet);
  return tally.ops;
}

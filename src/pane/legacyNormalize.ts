/**
 * String.prototype.normalize for IE11, which has none: the label matcher, the register's dates and
 * the importers call normalize("NFKC") to fold full-width letters, digits and punctuation, circled
 * numbers and the like. A full Unicode normaliser is ~100 KB; this one maps single characters from
 * a table computed at build time (scripts/nfkc-table.js) for the blocks such text uses, and leaves
 * everything else as it is: no canonical composition of combining sequences (e + U+0301), no NFD.
 */
type Table = Map<string, string>;

/** Parses the build's table: pairs split by NUL, first UTF-16 unit = the character. */
export function parseNfkcTable(packed: string): Table {
  const table: Table = new Map();
  for (const pair of packed.split("\u0000")) if (pair.length > 1) table.set(pair.charAt(0), pair.slice(1));
  return table;
}

/** NFKC by table, character by character (NFC/NFD return the text unchanged). */
export function normalizeByTable(text: string, form: string, table: Table): string {
  if (form !== "NFC" && form !== "NFD" && form !== "NFKC" && form !== "NFKD") throw new RangeError(`The normalization form should be one of NFC, NFD, NFKC, NFKD.`);
  if (form !== "NFKC" && form !== "NFKD") return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const m = table.get(c);
    out += m === undefined ? c : m;
  }
  return out;
}

/** Installs the fallback where String.prototype.normalize is missing. */
export function installNormalize(proto: { normalize?: unknown }, packed: string): void {
  if (typeof proto.normalize === "function") return;
  let table: Table | null = null;
  Object.defineProperty(proto, "normalize", {
    configurable: true,
    writable: true,
    value: function normalize(this: unknown, form?: string): string {
      if (this === null || this === undefined) throw new TypeError("String.prototype.normalize called on null or undefined");
      table = table ?? parseNfkcTable(packed);
      return normalizeByTable(String(this), form === undefined ? "NFC" : String(form), table);
    },
  });
}

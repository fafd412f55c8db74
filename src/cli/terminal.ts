/**
 * What reaches the terminal. Text from files (cells, names, register rows) must not drive it:
 * an escape sequence could clear the screen or recolour a line, a carriage return overwrite one,
 * a bidi override reorder one, and a newline forge a line of our own ("全部通过。").
 */

/** Control characters (C0, DEL, C1 with the 8-bit CSI), line separators, bidi marks and overrides. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const ESCAPED = new Map<string, string>([
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
]);
const escaped = (ch: string): string => {
  let e = ESCAPED.get(ch);
  if (e === undefined) ESCAPED.set(ch, (e = `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`));
  return e;
};

/** One field on one line: every control character (newlines too) shown escaped, e.g. \u001b. */
export function printable(text: string): string {
  return text.replace(CONTROL, escaped);
}

/**
 * The output boundary (every write of the CLI passes here): each line made printable, so only the
 * line breaks the CLI itself wrote remain. Text quoted from a file is made printable where it is
 * put into its line (printable above), so its own newlines never get this far.
 */
export function forTerminal(text: string): string {
  return text.split("\n").map(printable).join("\n");
}

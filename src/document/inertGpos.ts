/**
 * Hides a GPOS table that can never move a glyph in our PDFs, so fontkit skips decoding it and
 * shaping with it (measured: ~40 % of fontkit's first layouts of the three Fandol faces, ~5 % of
 * a whole `export --pdf`).
 *
 * pdfmake lays text out with fontkit's default features only (we never set fontFeatures). The
 * Fandol faces' GPOS holds nothing but features applied on request (cpct, halt, ujis, vhal), so
 * with or without it every glyph and advance is the same. (Without a GPOS fontkit places combining
 * marks by their Unicode class instead; these faces map no combining mark.) The table's tag is
 * renamed in a copy of the bytes; a GPOS with any other feature (Noto's kern, mark …) is left as
 * it is. test/document/inertGpos.test.ts compares fontkit's layouts of a real report.
 */

/** GPOS features fontkit applies only when a caller asks for them. (A plain array: IE11's Set takes no list.) */
const ON_REQUEST = ["cpct", "halt", "vhal", "palt", "vpal", "vkrn", "ujis"];

const tag = (v: DataView, at: number) => String.fromCharCode(v.getUint8(at), v.getUint8(at + 1), v.getUint8(at + 2), v.getUint8(at + 3));

/** Index of the GPOS record in the table directory, when its features are all on request. */
function inertGposRecord(v: DataView): number | null {
  const n = v.getUint16(4);
  for (let i = 0; i < n; i++) {
    const rec = 12 + i * 16;
    if (tag(v, rec) !== "GPOS") continue;
    const gpos = v.getUint32(rec + 8);
    const features = gpos + v.getUint16(gpos + 6);
    const count = v.getUint16(features);
    for (let f = 0; f < count; f++) if (ON_REQUEST.indexOf(tag(v, features + 2 + f * 6)) < 0) return null;
    return rec;
  }
  return null;
}

/** Whether the font's GPOS only holds features applied on request (fontSubsetNode drops it). */
export function hasInertGpos(bytes: Uint8Array): boolean {
  return inertGposRecord(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)) !== null;
}

/** The font with an inert GPOS hidden (a copy), or the same bytes when there is none. */
export function withoutInertGpos(bytes: Uint8Array): Uint8Array {
  const rec = inertGposRecord(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (rec === null) return bytes;
  const copy = new Uint8Array(bytes); // a copy (IE11 has no TypedArray slice)
  // An unregistered tag: font readers skip the table. The data stays where it was.
  copy.set([0x78, 0x50, 0x4f, 0x53], rec); // "xPOS"
  return copy;
}

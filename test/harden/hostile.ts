/**
 * Hostile files for the importers, built in memory: small on disk, huge once inflated or parsed.
 * Deflate's best ratio is about 1000:1, so 300 MB of XML is a few hundred KB of zip.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from "fflate";

type Part = { name: string; data: Uint8Array } | { name: string; repeat: { head: string; unit: string; times: number; tail: string } };

/** A zip of the parts; a `repeat` part streams `unit` `times` times through deflate (never whole in memory). */
export function zipOf(parts: Part[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const p of parts) {
    if ("data" in p) {
      const f = new ZipPassThrough(p.name);
      zip.add(f);
      f.push(p.data, true);
      continue;
    }
    const f = new ZipDeflate(p.name, { level: 9 });
    zip.add(f);
    f.push(strToU8(p.repeat.head));
    // 1 MB blocks of the unit: fast to deflate, each compresses to about 1 KB.
    const per = Math.max(1, Math.floor((1 << 20) / p.repeat.unit.length));
    const block = strToU8(p.repeat.unit.repeat(per));
    for (let left = p.repeat.times; left > 0; left -= per) f.push(left >= per ? block : strToU8(p.repeat.unit.repeat(left)));
    f.push(strToU8(p.repeat.tail), true);
  }
  zip.end();
  const size = chunks.reduce((s, c) => s + c.length, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CT_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS_DOCX =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose document.xml inflates to about `mb` MB of paragraphs. */
export function docxBomb(mb: number): Uint8Array {
  const unit = "<w:p><w:r><w:t>政府信息公开工作年度报告</w:t></w:r></w:p>";
  return zipOf([
    { name: "[Content_Types].xml", data: strToU8(CT_DOCX) },
    { name: "_rels/.rels", data: strToU8(RELS_DOCX) },
    { name: "word/document.xml", repeat: { head: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`, unit, times: Math.ceil((mb << 20) / strToU8(unit).length), tail: "</w:body></w:document>" } },
  ]);
}

/** The parts of an .xlsx (a real one, e.g. the template), with one part replaced or added. */
export function xlsxWith(parts: Record<string, Uint8Array>, extra: Part): Uint8Array {
  const list: Part[] = Object.entries(parts)
    .filter(([n]) => n !== extra.name)
    .map(([name, data]) => ({ name, data }));
  list.push(extra);
  return zipOf(list);
}

/** Sheet XML of `mb` MB of rows. */
export function sheetRows(mb: number): { head: string; unit: string; times: number; tail: string } {
  const unit = '<row><c t="inlineStr"><is><t>x</t></is></c><c><v>1</v></c></row>';
  return {
    head: '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    unit,
    times: Math.ceil((mb << 20) / unit.length),
    tail: "</sheetData></worksheet>",
  };
}

/** A page with `tables` tables, each a cell spanning rowspan="0" colspan="0" over `rows` empty rows. */
export function spanBombHtml(tables: number, rows: number): string {
  const table = `<table><tr><td rowspan="0" colspan="1000">x</td><td rowspan="65534" colspan="0">y</td></tr>${"<tr></tr>".repeat(rows)}</table>`;
  return `<html><body>${table.repeat(tables)}</body></html>`;
}

export const unclosedNesting = (n: number) => `<html><body>${"<div>".repeat(n)}一、总体情况</body></html>`;
export const closedNesting = (n: number) => `<html><body>${"<div>".repeat(n)}一、总体情况${"</div>".repeat(n)}</body></html>`;

/**
 * A raw deflate stream of `bytes` zero bytes, written directly: one fixed-Huffman block of a
 * literal 0 and then matches of length 258 at distance 1 (13 bits each). 1.5 GB in 10 MB, in
 * well under a second — fflate would need most of a minute to compress that much.
 */
export function zerosDeflate(bytes: number): Uint8Array {
  const matches = Math.floor((bytes - 1) / 258);
  const rest = bytes - 1 - matches * 258; // 0..257, written as literal zeros
  const out = new Uint8Array(Math.ceil((3 + 8 + matches * 13 + rest * 8 + 7) / 8) + 1);
  let bit = 0;
  const put = (value: number, n: number) => {
    // Huffman codes go most-significant bit first; everything else least-significant first.
    for (let i = 0; i < n; i++, bit++) if ((value >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  const putCode = (code: number, n: number) => {
    for (let i = n - 1; i >= 0; i--, bit++) if ((code >> i) & 1) out[bit >> 3]! |= 1 << (bit & 7);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = fixed Huffman
  putCode(0x30, 8); // literal 0
  for (let i = 0; i < matches; i++) {
    putCode(0b11000101, 8); // length code 285 = 258
    putCode(0, 5); // distance code 0 = 1
  }
  for (let i = 0; i < rest; i++) putCode(0x30, 8);
  putCode(0, 7); // end of block (256)
  return out.subarray(0, Math.ceil(bit / 8));
}

/** A zip written field by field, for entries whose compressed data is given as is (method 8). */
export function rawZip(entries: Array<{ name: string; deflated: Uint8Array; crc: number; size: number }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.deflated.buffer, e.deflated.byteOffset, e.deflated.byteLength));
    centrals.push(central, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

// ---- registers (issue 25): a few KB that used to take a million rows or a crash to read

const CT_XLSX = (sheets: number) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${Array.from(
    { length: sheets },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("")}</Types>`;
const RELS_XLSX =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const SS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A cell of inline text; `ref` like "A1". */
const textCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * A hand-written .xlsx: sheet i holds the given rows (row number → cell texts from column A).
 * No styles, no shared strings: what a hostile generator would write.
 */
export function xlsxOfRows(sheets: Array<Map<number, string[]>>): Uint8Array {
  const col = (i: number) => String.fromCharCode(65 + i);
  const parts: Part[] = [
    { name: "[Content_Types].xml", data: strToU8(CT_XLSX(sheets.length)) },
    { name: "_rels/.rels", data: strToU8(RELS_XLSX) },
    {
      name: "xl/workbook.xml",
      data: strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${SS}" xmlns:r="${R}"><sheets>${sheets.map((_, i) => `<sheet name="表${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`),
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
          .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${R}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
          .join("")}</Relationships>`,
      ),
    },
  ];
  sheets.forEach((rows, i) => {
    const xml = [...rows].map(([n, cells]) => `<row r="${n}">${cells.map((t, c) => textCell(`${col(c)}${n}`, t)).join("")}</row>`).join("");
    parts.push({ name: `xl/worksheets/sheet${i + 1}.xml`, data: strToU8(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${SS}"><sheetData>${xml}</sheetData></worksheet>`) });
  });
  return zipOf(parts);
}

/** The 申请台账 header a register file starts with. */
export const REGISTER_HEADER = ["编号", "收到日期", "申请人类型", "答复日期", "办理结果"];

/** `sheets` sheets, each with one cell at row 1 048 576 (the last row Excel has). */
export const farCellXlsx = (sheets: number, header = false) =>
  xlsxOfRows(Array.from({ length: sheets }, () => new Map<number, string[]>([...(header ? [[1, REGISTER_HEADER] as [number, string[]]] : []), [1_048_576, ["x"]]])));

/** A register CSV: the header, then `rows` rows made by `row(i)` (streamed into one string). */
export function registerCsv(rows: number, row: (i: number) => string): string {
  const out: string[] = [REGISTER_HEADER.join(",")];
  for (let i = 0; i < rows; i++) out.push(row(i));
  return out.join("\n") + "\n";
}
/** Rows each with an unreadable date: one finding per row. */
export const badDateRow = (i: number) => `${i},昨天,自然人,前天,予以公开`;
/** Rows that are all valid and share one 编号. */
export const sameIdRow = () => "2025-001,2025-03-10,自然人,2025-03-20,予以公开";
/** One quoted field of `chars` characters. */
export const longFieldCsv = (chars: number) => `${REGISTER_HEADER.join(",")}\n1,"${"长".repeat(chars)}",自然人,2025-03-20,予以公开\n`;

/** A .docx of `paragraphs` short paragraphs (document.xml a few bytes each, deflated to almost nothing). */
export function docxParagraphs(paragraphs: number): Uint8Array {
  return zipOf([
    { name: "[Content_Types].xml", data: strToU8(CT_DOCX) },
    { name: "_rels/.rels", data: strToU8(RELS_DOCX) },
    { name: "word/document.xml", repeat: { head: `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`, unit: "<w:p><w:r><w:t>x</w:t></w:r></w:p>", times: paragraphs, tail: "</w:body></w:document>" } },
  ]);
}

/** Markup shapes the parser re-nests in quadratic time when it is given them raw. */
export const MARKUP_SHAPES = ["<DIV></div>", "<x_a></x_b>", "<Td></tD>", "<a-b></a-c>", "<div></span>", "<p><b>", "<o:p></O:P>"] as const;
export const markupRepeat = (shape: string, times: number) => `<html><body>${shape.repeat(times)}一、总体情况</body></html>`;

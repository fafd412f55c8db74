/**
 * Parsing an .xlsx into fake sheets, for insertWorksheetsFromBase64: values, formulas, number
 * formats, locks, sheet protection, merges, column widths and a few style hints. ExcelJS runs in
 * the browser too (its "browser" build), so the workbench inserts the real template.
 */
import ExcelJS from "exceljs";
import type { Rect } from "../../template/address";
import type { EngineInput } from "./entry";
import type { FakeCellSeed, FakeCellStyle, FakeSheetSeed } from "./model";

const EPOCH = Date.UTC(1899, 11, 30);

function inputOf(cell: ExcelJS.Cell): EngineInput {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (typeof v === "string") return v === "" ? null : `'${v}`;
  if (v instanceof Date) return (v.getTime() - EPOCH) / 86400000;
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const f = cell.formula; // ExcelJS translates shared formulas
      return f ? `=${f}` : null;
    }
    if (typeof o.error === "string") return o.error;
    if (Array.isArray(o.richText)) return `'${(o.richText as { text: string }[]).map((p) => p.text).join("")}`;
    if (typeof o.text === "string") return `'${o.text}`;
  }
  return `'${String(v)}`;
}

function argbToHex(argb: unknown): string | null {
  return typeof argb === "string" && argb.length === 8 ? `#${argb.slice(2)}` : null;
}

function styleOf(cell: ExcelJS.Cell): FakeCellStyle | undefined {
  const s: FakeCellStyle = {};
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill?.type === "pattern" && fill.pattern === "solid") s.fill = argbToHex(fill.fgColor?.argb);
  if (cell.font?.bold) s.bold = true;
  const fc = argbToHex(cell.font?.color?.argb);
  if (fc) s.fontColor = fc;
  const h = cell.alignment?.horizontal;
  if (h === "left" || h === "center" || h === "right") s.align = h;
  if (cell.alignment?.wrapText) s.wrap = true;
  return Object.keys(s).length ? s : undefined;
}

type ExcelJsRule = { type?: string; priority?: number; formulae?: unknown[]; style?: { fill?: { bgColor?: { argb?: string }; fgColor?: { argb?: string } }; font?: { color?: { argb?: string }; bold?: boolean } } };


/** The sheet's expression rules, in the shape the API path records (formats.ts). */
function conditionalFormatsOf(ws: ExcelJS.Worksheet): NonNullable<FakeSheetSeed["conditionalFormats"]> {
  const list = (ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: ExcelJsRule[] }> }).conditionalFormattings ?? [];
  return list.flatMap((cf) =>
    cf.rules
      .filter((r) => r.type === "expression" && typeof r.formulae?.[0] === "string")
      .map((r) => ({
        address: cf.ref,
        type: "Custom",
        formula: `=${String(r.formulae![0]).replace(/^=/, "")}`,
        fill: argbToHex(r.style?.fill?.bgColor?.argb ?? r.style?.fill?.fgColor?.argb),
        fontColor: argbToHex(r.style?.font?.color?.argb),
        bold: r.style?.font?.bold ?? null,
        priority: r.priority ?? null,
      })),
  );
}

export async function parseXlsx(bytes: Uint8Array): Promise<FakeSheetSeed[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: FakeCellSeed[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const seed: FakeCellSeed = {
          row: Number(cell.row),
          col: Number(cell.col),
          input: inputOf(cell),
          numberFormat: cell.numFmt || "General",
          locked: cell.protection?.locked !== false,
        };
        const st = styleOf(cell);
        if (st) seed.style = st;
        cells.push(seed);
      });
    });
    const merges = Object.values((ws as unknown as { _merges: Record<string, Rect> })._merges).map((m) => ({
      top: m.top,
      left: m.left,
      bottom: m.bottom,
      right: m.right,
    }));
    const widths: Record<number, number> = {};
    const hidden: number[] = [];
    (ws.columns ?? []).forEach((c, i) => {
      if (c.width) widths[i + 1] = c.width;
      if (c.hidden) hidden.push(i + 1);
    });
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } | null }).sheetProtection;
    const conditionalFormats = conditionalFormatsOf(ws);
    return {
      name: ws.name,
      cells,
      merges,
      widths,
      hiddenColumns: hidden,
      protected: Boolean(protection?.sheet),
      visible: ws.state === undefined || ws.state === "visible",
      ...(conditionalFormats.length ? { conditionalFormats } : {}),
    };
  });
}

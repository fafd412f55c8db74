/** Cell styles of the template (ExcelJS style objects), one per role of a cell. */
import type { Borders, Fill, Font, Style } from "exceljs";
import type { CfStyle, LabelStyle } from "./design/types";

const FONT = "宋体";
const thin = { style: "thin" as const, color: { argb: "FF808080" } };
export const BORDER: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin };

const solid = (argb: string): Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
const font = (f: Partial<Font> = {}): Partial<Font> => ({ name: FONT, size: 10, ...f });

export const INPUT_FILL = "FFFFF2CC";
const HEADER_FILL = "FFDDEBF7";
const TOTAL_FILL = "FFF2F2F2";

export const LABEL_STYLES: Record<LabelStyle, Partial<Style>> = {
  title: { font: font({ size: 14, bold: true }), alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  subtitle: { font: font({ size: 9, color: { argb: "FF595959" } }), alignment: { horizontal: "center", vertical: "middle" } },
  header: { font: font({ bold: true }), fill: solid(HEADER_FILL), border: BORDER, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  rowLabel: { font: font(), border: BORDER, alignment: { horizontal: "left", vertical: "middle", wrapText: true } },
  blockHeader: { font: font({ size: 11, bold: true }), fill: solid(HEADER_FILL), border: BORDER, alignment: { horizontal: "left", vertical: "middle" } },
  note: { font: font({ size: 9, color: { argb: "FF595959" } }), alignment: { horizontal: "left", vertical: "top", wrapText: true } },
  paraNo: { font: font({ size: 9, color: { argb: "FF808080" } }), alignment: { horizontal: "center", vertical: "top" } },
  checkLabel: { font: font({ size: 9 }), fill: solid(TOTAL_FILL), border: BORDER, alignment: { horizontal: "left", vertical: "middle", wrapText: true } },
};

export const INPUT_STYLE: Partial<Style> = {
  font: font({ size: 11 }),
  fill: solid(INPUT_FILL),
  border: BORDER,
  alignment: { horizontal: "center", vertical: "middle" },
  protection: { locked: false },
};

export const TEXT_INPUT_STYLE: Partial<Style> = {
  font: font({ size: 11 }),
  fill: solid(INPUT_FILL),
  border: BORDER,
  alignment: { horizontal: "left", vertical: "top", wrapText: true },
  protection: { locked: false },
};

export const TOTAL_STYLE: Partial<Style> = {
  font: font({ size: 11, bold: true }),
  fill: solid(TOTAL_FILL),
  border: BORDER,
  alignment: { horizontal: "center", vertical: "middle" },
  protection: { locked: true },
};

export const CHECK_STYLE: Partial<Style> = {
  font: font({ size: 10 }),
  border: BORDER,
  alignment: { horizontal: "center", vertical: "middle", wrapText: true },
  protection: { locked: true },
};

export const DERIVED_STYLE: Partial<Style> = {
  font: font({ size: 11 }),
  fill: solid(TOTAL_FILL),
  border: BORDER,
  alignment: { horizontal: "left", vertical: "middle", wrapText: true },
  protection: { locked: true },
};

export const KEPT_STYLE: Partial<Style> = {
  font: font({ size: 11, color: { argb: "FF404040" } }),
  fill: solid(TOTAL_FILL),
  border: BORDER,
  alignment: { horizontal: "center", vertical: "middle" },
  protection: { locked: true },
};

export const HIDDEN_STYLE: Partial<Style> = { font: font({ size: 8, color: { argb: "FF808080" } }), protection: { locked: true } };

const dxf = (fill: string, color: string): Partial<Style> => ({
  fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } },
  font: { color: { argb: color } },
});

export const CF_STYLES: Record<CfStyle, Partial<Style>> = {
  invalid: dxf("FFFFC7CE", "FF9C0006"),
  fail: dxf("FFFFD8A8", "FF833C00"),
  checkFail: dxf("FFFFC7CE", "FF9C0006"),
  checkInvalid: dxf("FFFFEB9C", "FF9C5700"),
  checkOk: { font: { color: { argb: "FF006100" } } },
};

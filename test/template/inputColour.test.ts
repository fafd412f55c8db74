/**
 * The template's input cells are pale yellow, and every message that says where to type names
 * that colour (the workbench's locked-cell message said 白色).
 */
import { templateLayout } from "../../src/template";
import { INPUT_CELLS, META_LABELS } from "../../src/template/messages";
import { W } from "../../src/workbench/strings";
import { loadXlsx, sheetOf, templateBytes } from "./support";

/** Hue (degrees) and lightness (0–1) of an ARGB colour. */
function hsl(argb: string): { hue: number; light: number } {
  const [r, g, b] = [2, 4, 6].map((i) => parseInt(argb.slice(i, i + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  const hue = d === 0 ? 0 : max === r ? 60 * (((g - b) / d) % 6) : max === g ? 60 * ((b - r) / d + 2) : 60 * ((r - g) / d + 4);
  return { hue: (hue + 360) % 360, light: (max + min) / 2 };
}

test("the input cells of the built template are pale yellow, and the messages say 浅黄色", async () => {
  const wb = await loadXlsx(await templateBytes());
  const loc = templateLayout().cells.get("T3.R01.C1")!;
  const cell = sheetOf(wb, "表三").getCell(loc.row, loc.col);
  expect(cell.protection?.locked).toBe(false);
  const argb = (cell.fill as { fgColor?: { argb?: string } }).fgColor!.argb!;
  const { hue, light } = hsl(argb);
  expect(hue).toBeGreaterThanOrEqual(35);
  expect(hue).toBeLessThanOrEqual(65);
  expect(light).toBeGreaterThan(0.85);
  expect(INPUT_CELLS).toContain("浅黄色");
  expect(W.lockedCell).toContain(INPUT_CELLS);
  expect(W.lockedCell).not.toContain("白色");
  expect(JSON.stringify(META_LABELS)).not.toContain("白色");
});

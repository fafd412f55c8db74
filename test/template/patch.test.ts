/** Renaming the template inside the .xlsx before insertion (browser-safe, fflate). */
import { strFromU8, unzipSync } from "fflate";
import { readWorkbook } from "../../src/template/read";
import { patchTemplate } from "../../src/template/xlsxPatch";
import { SHEET_NAMES } from "../../src/template/messages";
import { TEMPLATE_ROLES } from "../../src/template/roles";
import { templateBytes } from "./support";

test("sheet names, print names and markers are rewritten; the copy still reads", async () => {
  const rename = Object.fromEntries(TEMPLATE_ROLES.map((r) => [SHEET_NAMES[r], `${SHEET_NAMES[r]} (2)`]));
  const patched = patchTemplate(await templateBytes(), { rename, set: 2 });
  const files = unzipSync(patched);
  const wbXml = strFromU8(files["xl/workbook.xml"]!);
  for (const r of TEMPLATE_ROLES) {
    expect(wbXml).toContain(`name="${SHEET_NAMES[r]} (2)"`);
    expect(wbXml).not.toContain(`name="${SHEET_NAMES[r]}"`);
    expect(wbXml).not.toMatch(new RegExp(`&apos;${SHEET_NAMES[r]}&apos;!`));
  }
  expect(wbXml).toContain("&apos;表三 (2)&apos;!$2:$4");
  // The registers' cross-sheet formulas follow the renamed sheets.
  const sheetXml = Object.keys(files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).map((p) => strFromU8(files[p]!)).join("");
  expect(sheetXml).toContain("&apos;表三 (2)&apos;!D5");
  expect(sheetXml).toContain("&apos;封面 (2)&apos;!$B$5");
  expect(sheetXml).not.toMatch(/&apos;(表三|表四|封面)&apos;!/);
  const back = await readWorkbook(patched);
  expect(back.template!.set).toBe(2);
  expect(back.template!.sheets.t3!.name).toBe("表三 (2)");
  expect(back.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

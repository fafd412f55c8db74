/**
 * The generated template read back (ExcelJS + the raw XML) and compared with src/report: every
 * label, merge, formula, validation, lock and print setting is derived here from the format
 * definition and the sum rules, never typed out.
 */
import { strFromU8, unzipSync } from "fflate";
import type ExcelJS from "exceljs";
import { FORMATS, FORMAT_DEFINITION_VERSION, SECTIONS, cellsOf, sumRules, type SumRule } from "../../src/report";
import { a1, colNumber, parseCell, parseRect, rectAddress, type Rect } from "../../src/template/address";
import { templateDesign, templateLayout, META_KEYS, TEXT_BLOCK_ROWS } from "../../src/template/layout";
import { parseMarker, MARKER_ADDRESS } from "../../src/template/marker";
import { SHEET_NAMES } from "../../src/template/messages";
import { TEMPLATE_ROLES, type TemplateRole } from "../../src/template/roles";
import { loadXlsx, templateBytes } from "./support";

let wb: ExcelJS.Workbook;
let files: Record<string, Uint8Array>;
const sheetXml: Partial<Record<TemplateRole, string>> = {};

beforeAll(async () => {
  const bytes = await templateBytes();
  wb = await loadXlsx(bytes);
  files = unzipSync(bytes);
  const wbXml = strFromU8(files["xl/workbook.xml"]!);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]!);
  for (const m of wbXml.matchAll(/<sheet\b[^>]*name="([^"]*)"[^>]*r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]*)"`).exec(rels)![1]!;
    const role = TEMPLATE_ROLES.find((r) => SHEET_NAMES[r] === m[1]);
    if (role) sheetXml[role] = strFromU8(files[`xl/${target.replace(/^\/?xl\//, "")}`]!);
  }
});

const ws = (role: TemplateRole) => wb.getWorksheet(SHEET_NAMES[role])!;
const text = (role: TemplateRole, row: number, col: number) => {
  const v = ws(role).getCell(row, col).value;
  return typeof v === "string" ? v : v === null || v === undefined ? "" : JSON.stringify(v);
};
function merges(role: TemplateRole): Rect[] {
  return [...sheetXml[role]!.matchAll(/<mergeCell ref="([^"]+)"/g)].map((m) => parseRect(m[1]!));
}
function mergeAt(role: TemplateRole, row: number, col: number): Rect {
  return merges(role).find((r) => r.top === row && r.left === col) ?? { top: row, left: col, bottom: row, right: col };
}
/** Every cell holding exactly this text (top-left of its merge). */
function find(role: TemplateRole, label: string, area?: Rect): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  ws(role).eachRow((row, r) =>
    row.eachCell((cell, c) => {
      if (cell.isMerged && cell.master.address !== cell.address) return; // ExcelJS repeats the master's value
      if (cell.value === label && (!area || (r >= area.top && r <= area.bottom && c >= area.left && c <= area.right))) out.push({ row: r, col: c });
    }),
  );
  return out;
}
function one(role: TemplateRole, label: string, area?: Rect) {
  const hits = find(role, label, area);
  expect({ label, hits: hits.length }).toEqual({ label, hits: 1 });
  return hits[0]!;
}
const loc = (key: string) => templateLayout().cells.get(key)!;
function formulaOf(role: TemplateRole, row: number, col: number): string | null {
  const v = ws(role).getCell(row, col).value as { formula?: string } | null;
  return v && typeof v === "object" && typeof v.formula === "string" ? v.formula : null;
}
/** Cells a formula refers to (ranges expanded), limited to the visible table columns. */
function refs(formula: string, maxCol = 26): Set<string> {
  const out = new Set<string>();
  for (const m of formula.matchAll(/\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?/g)) {
    const r = parseRect(m[3] ? `${m[1]}${m[2]}:${m[3]}${m[4]}` : `${m[1]}${m[2]}`);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) if (col <= maxCol) out.add(a1(row, col));
  }
  return out;
}
/** Consecutive runs of items sharing a key. */
function runs<T>(items: readonly T[], key: (t: T) => string | undefined): { key: string | undefined; from: number; to: number }[] {
  const out: { key: string | undefined; from: number; to: number }[] = [];
  items.forEach((t, i) => {
    const k = key(t);
    const last = out[out.length - 1];
    if (last && last.key === k) last.to = i;
    else out.push({ key: k, from: i, to: i });
  });
  return out;
}

describe("sheets and markers", () => {
  test("five sheets in order, each with its role marker in the fixed hidden cell", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(TEMPLATE_ROLES.map((r) => SHEET_NAMES[r]));
    for (const role of TEMPLATE_ROLES) {
      const m = parseMarker(ws(role).getCell(MARKER_ADDRESS).value);
      expect(m).toEqual({ role, format: FORMAT_DEFINITION_VERSION, template: expect.any(String), set: 1 });
      expect(ws(role).getColumn(colNumber(MARKER_ADDRESS.replace(/\d+/, ""))).hidden).toBe(true);
    }
  });

  test("no workbook-scoped defined names; only sheet-scoped print names", () => {
    const wbXml = strFromU8(files["xl/workbook.xml"]!);
    const names = [...wbXml.matchAll(/<definedName\b([^>]*)>/g)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    for (const attrs of names) {
      expect(attrs).toMatch(/localSheetId="\d+"/);
      expect(attrs).toMatch(/name="_xlnm\.(Print_Area|Print_Titles)"/);
    }
    // Print areas are absolute (a relative row would move with the active cell).
    const areas = [...wbXml.matchAll(/name="_xlnm\.Print_Area" localSheetId="\d+">([^<]*)</g)].map((m) => m[1]!);
    expect(areas).toHaveLength(TEMPLATE_ROLES.length);
    for (const a of areas) expect(a).toMatch(/^&apos;.+&apos;!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
  });

  test("no charts, comments, pivots, drawings or macros", () => {
    const paths = Object.keys(files);
    expect(paths.filter((p) => /chart|comment|pivot|drawing|vbaProject|slicer|externalLink/i.test(p))).toEqual([]);
  });

  test("every sheet is protected without a password", () => {
    for (const role of TEMPLATE_ROLES) {
      const prot = /<sheetProtection\b([^>]*)\/>/.exec(sheetXml[role]!)?.[1];
      expect(prot).toMatch(/sheet="1"/);
      expect(prot).not.toMatch(/password|hashValue|saltValue/);
    }
  });

  test("print setup: A4, fit to one page wide, print titles on the tables", () => {
    for (const role of TEMPLATE_ROLES) {
      const x = sheetXml[role]!;
      expect(x).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
      expect(x).toMatch(/<pageSetup [^>]*paperSize="9"[^>]*fitToWidth="1"[^>]*fitToHeight="0"/);
    }
    const wbXml = strFromU8(files["xl/workbook.xml"]!);
    const t3Index = TEMPLATE_ROLES.indexOf("t3");
    const title = new RegExp(`name="_xlnm.Print_Titles" localSheetId="${t3Index}">[^<]*!\\$(\\d+):\\$(\\d+)<`).exec(wbXml);
    const corner = one("t3", FORMATS["2021"].table3.corner);
    expect(Number(title![1])).toBe(corner.row);
    expect(Number(title![2])).toBe(mergeAt("t3", corner.row, corner.col).bottom);
  });
});

describe("表三 labels and merges, as the national format", () => {
  const t3 = FORMATS["2021"].table3;

  test("corner cell: the rule text over the label columns and all header rows", () => {
    const c = one("t3", t3.corner);
    const m = mergeAt("t3", c.row, c.col);
    const firstValueCol = loc("T3.R01.C1").col;
    expect(m).toEqual({ top: c.row, left: c.col, bottom: loc("T3.R01.C1").row - 1, right: firstValueCol - 1 });
    expect(m.bottom - m.top + 1).toBe(3);
  });

  test("申请人情况 over all columns; ungrouped columns 2 rows high; 法人或其他组织 over its five", () => {
    const header = one("t3", t3.applicantHeader);
    const cols = t3.columns.map((c) => loc(`T3.R01.${c.code}`).col);
    expect(mergeAt("t3", header.row, header.col)).toEqual({ top: header.row, left: cols[0], bottom: header.row, right: cols[cols.length - 1] });
    for (const g of runs(t3.columns, (c) => c.group)) {
      const gcols = cols.slice(g.from, g.to + 1);
      if (g.key) {
        const at = one("t3", g.key);
        expect(mergeAt("t3", at.row, at.col)).toEqual({ top: header.row + 1, left: gcols[0], bottom: header.row + 1, right: gcols[gcols.length - 1] });
        for (let i = g.from; i <= g.to; i++) expect(text("t3", header.row + 2, cols[i]!)).toBe(t3.columns[i]!.label);
      } else {
        for (let i = g.from; i <= g.to; i++) {
          expect(text("t3", header.row + 1, cols[i]!)).toBe(t3.columns[i]!.label);
          expect(mergeAt("t3", header.row + 1, cols[i]!)).toEqual({ top: header.row + 1, left: cols[i], bottom: header.row + 2, right: cols[i] });
        }
      }
    }
  });

  test("rows in order; level-1 and level-2 labels span exactly their rows", () => {
    const rows = t3.rows.map((r) => loc(`T3.${r.code}.C1`).row);
    rows.forEach((r, i) => i > 0 && expect(r).toBe(rows[i - 1]! + 1));
    const labelCols = loc("T3.R01.C1").col - 1; // A..C
    for (const g of runs(t3.rows, (r) => r.path[0])) {
      const at = find("t3", g.key!, { top: rows[g.from]!, left: 1, bottom: rows[g.to]!, right: labelCols });
      expect(at).toEqual([{ row: rows[g.from], col: 1 }]);
      const single = g.from === g.to && t3.rows[g.from]!.path.length === 1;
      expect(mergeAt("t3", rows[g.from]!, 1)).toEqual(
        single ? { top: rows[g.from], left: 1, bottom: rows[g.from], right: labelCols } : { top: rows[g.from], left: 1, bottom: rows[g.to], right: 1 },
      );
      const inner = t3.rows.slice(g.from, g.to + 1);
      for (const h of runs(inner, (r) => r.path[1])) {
        if (h.key === undefined) continue;
        const top = rows[g.from + h.from]!;
        const bottom = rows[g.from + h.to]!;
        expect(text("t3", top, 2)).toBe(h.key);
        const leaf = h.from === h.to && inner[h.from]!.path.length === 2;
        expect(mergeAt("t3", top, 2)).toEqual(leaf ? { top, left: 2, bottom: top, right: labelCols } : { top, left: 2, bottom, right: 2 });
        for (let k = h.from; k <= h.to; k++) {
          const p = inner[k]!.path;
          if (p.length === 3) expect(text("t3", rows[g.from + k]!, 3)).toBe(p[2]);
        }
      }
    }
  });
});

describe("表四 header rows", () => {
  const t4 = FORMATS["2021"].table4;
  test("行政复议 / 行政诉讼 → 未经复议直接起诉 / 复议后起诉 → five labels", () => {
    const valueRow = loc("T4.C01").row;
    const top = valueRow - 3;
    for (const g of runs(t4.groups, (gr) => gr.path[0])) {
      const cols = t4.groups.slice(g.from, g.to + 1).flatMap((gr) => gr.columns.map((c) => loc(`T4.${c.code}`).col));
      expect(text("t4", top, cols[0]!)).toBe(g.key);
      expect(mergeAt("t4", top, cols[0]!)).toEqual({ top, left: cols[0], bottom: top, right: cols[cols.length - 1] });
    }
    for (const gr of t4.groups) {
      const cols = gr.columns.map((c) => loc(`T4.${c.code}`).col);
      if (gr.path.length === 2) {
        expect(text("t4", top + 1, cols[0]!)).toBe(gr.path[1]);
        expect(mergeAt("t4", top + 1, cols[0]!)).toEqual({ top: top + 1, left: cols[0], bottom: top + 1, right: cols[4] });
        gr.columns.forEach((c, i) => expect(text("t4", top + 2, cols[i]!)).toBe(c.label));
      } else {
        gr.columns.forEach((c, i) => {
          expect(text("t4", top + 1, cols[i]!)).toBe(c.label);
          expect(mergeAt("t4", top + 1, cols[i]!)).toEqual({ top: top + 1, left: cols[i], bottom: top + 2, right: cols[i] });
        });
      }
    }
  });
});

describe("表二 blocks", () => {
  test("block header, 信息内容 row, labels; a single value column spans three", () => {
    for (const block of FORMATS["2021"].table2.blocks) {
      const first = loc(`T2.${block.rows[0]!.code}.${block.columns[0]!.code}`);
      const labelRow = first.row - 1;
      expect(text("t2", labelRow - 1, 1)).toBe(block.header);
      expect(text("t2", labelRow, 1)).toBe(block.contentLabel);
      block.columns.forEach((c) => expect(text("t2", labelRow, loc(`T2.${block.rows[0]!.code}.${c.code}`).col)).toBe(c.label));
      block.rows.forEach((r) => expect(text("t2", loc(`T2.${r.code}.${block.columns[0]!.code}`).row, 1)).toBe(r.label));
      if (block.columns.length === 1) {
        const m = mergeAt("t2", first.row, first.col);
        expect(m.right - m.left + 1).toBe(3);
        expect(mergeAt("t2", labelRow, first.col)).toEqual({ ...m, top: labelRow, bottom: labelRow });
      }
    }
  });
});

describe("value cells, totals, checks", () => {
  const rules = sumRules("2021");
  const priority = ["T3.ROW_SUM", "T3.OUTCOME_SUM", "T4.GROUP_SUM"];
  const totalFormulaRule = new Map<string, SumRule>();
  for (const id of priority) for (const r of rules) if (r.id === id && r.total.length === 1 && !totalFormulaRule.has(r.total[0]!.key)) totalFormulaRule.set(r.total[0]!.key, r);
  const roleOf = (key: string): TemplateRole => `t${key[1]}` as TemplateRole;

  test("every cell key of the format has a place; inputs unlocked, styled and validated", () => {
    for (const c of cellsOf("2021")) {
      const l = loc(c.key);
      expect(l).toBeDefined();
      expect(l.role).toBe(roleOf(c.key));
      const cell = ws(l.role).getCell(l.row, l.col);
      if (totalFormulaRule.has(c.key)) continue;
      expect({ key: c.key, locked: cell.protection?.locked }).toEqual({ key: c.key, locked: false });
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
      const dv = cell.dataValidation;
      expect({ key: c.key, type: dv?.type, op: dv?.operator, min: Number(dv?.formulae?.[0]), style: dv?.errorStyle ?? "stop" }).toEqual({
        key: c.key,
        type: c.type === "amount" ? "decimal" : "whole",
        op: "greaterThanOrEqual",
        min: 0,
        style: "stop",
      });
      expect(dv?.prompt).toMatch(/[\u4e00-\u9fff]/);
      expect(dv?.error).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  test("totals are locked SUM formulas over the parts of their sum rule (R24.C7 as a row sum)", () => {
    expect(totalFormulaRule.size).toBeGreaterThan(0);
    for (const [key, rule] of totalFormulaRule) {
      const l = loc(key);
      const f = formulaOf(l.role, l.row, l.col);
      expect({ key, f: f?.startsWith("SUM(") }).toEqual({ key, f: true });
      expect([...refs(f!)].sort()).toEqual(rule.parts.map((p) => loc(p.key).address).sort());
      expect(ws(l.role).getCell(l.row, l.col).protection?.locked).not.toBe(false);
      expect(l.computed).toBe(true);
    }
    expect(totalFormulaRule.get("T3.R24.C7")!.id).toBe("T3.ROW_SUM");
  });

  test("one check cell per rule instance, over exactly the rule's cells; locked", () => {
    const checks: { role: TemplateRole; formula: string; row: number; col: number }[] = [];
    for (const role of ["t3", "t4"] as const) {
      ws(role).eachRow((row, r) =>
        row.eachCell((cell, c) => {
          if (cell.isMerged && cell.master.address !== cell.address) return;
          const f = formulaOf(role, r, c);
          if (f && f.includes("✓") && !f.includes("SUMPRODUCT")) checks.push({ role, formula: f, row: r, col: c });
        }),
      );
    }
    expect(checks).toHaveLength(rules.length);
    const remaining = [...checks];
    for (const rule of rules) {
      const want = [...rule.parts, ...rule.total].map((t) => loc(t.key).address).sort();
      const i = remaining.findIndex((c) => c.role === roleOf(rule.total[0]!.key) && JSON.stringify([...refs(c.formula)].sort()) === JSON.stringify(want));
      expect({ rule: `${rule.id} ${rule.scope}`, found: i >= 0 }).toEqual({ rule: `${rule.id} ${rule.scope}`, found: true });
      const c = remaining.splice(i, 1)[0]!;
      expect(ws(c.role).getCell(c.row, c.col).protection?.locked).not.toBe(false);
    }
  });

  test("helper grid flags every number cell; conditional formats cover the value blocks", () => {
    for (const c of cellsOf("2021")) {
      const l = loc(c.key);
      const f = formulaOf(l.role, l.row, l.col + 26);
      expect(f).toContain(`ISBLANK(${l.address})`);
      expect(f).toContain(c.type === "amount" ? `ROUND(${l.address},6)` : `INT(${l.address})`);
      expect(ws(l.role).getColumn(l.col + 26).hidden).toBe(true);
    }
    for (const role of ["t2", "t3", "t4"] as const) {
      const sqrefs = [...sheetXml[role]!.matchAll(/<conditionalFormatting sqref="([^"]+)">\s*<cfRule type="expression"[^>]*>\s*<formula>([^<]*)<\/formula>/g)].map((m) => ({ ref: m[1]!, formula: m[2]! }));
      for (const c of cellsOf("2021").filter((x) => `t${x.table}` === role)) {
        const l = loc(c.key);
        const covering = sqrefs.filter((s) => {
          const r = parseRect(s.ref);
          return l.row >= r.top && l.row <= r.bottom && l.col >= r.left && l.col <= r.right;
        });
        expect({ key: c.key, invalidRule: covering.some((s) => /^[A-Z]+\d+=1$/.test(s.formula)) }).toEqual({ key: c.key, invalidRule: true });
      }
    }
  });

  test("labels are locked; meta inputs and text blocks unlocked", () => {
    const corner = one("t3", FORMATS["2021"].table3.corner);
    expect(ws("t3").getCell(corner.row, corner.col).protection?.locked).not.toBe(false);
    for (const k of [META_KEYS.agency, META_KEYS.year, META_KEYS.contact]) {
      const l = loc(k);
      expect(ws("meta").getCell(l.row, l.col).protection?.locked).toBe(false);
    }
    const title = loc(META_KEYS.title);
    expect(formulaOf("meta", title.row, title.col)).toContain("年政府信息公开工作年度报告");
    for (const [key, b] of templateLayout().blocks) {
      expect(b.rows).toBe(TEXT_BLOCK_ROWS[key as keyof typeof TEXT_BLOCK_ROWS]);
      for (let i = 0; i < b.rows; i++) expect(ws("text").getCell(b.firstRow + i, b.col).protection?.locked).toBe(false);
      if (key !== "OPENING") expect(text("text", b.headingRow, 1)).toBe(SECTIONS.find((s) => s.key === key)!.heading);
    }
  });

  test("the layout map is what the builder wrote (addresses agree)", () => {
    for (const l of templateLayout().cells.values()) expect(parseCell(l.address)).toEqual({ row: l.row, col: l.col });
    expect(rectAddress(templateLayout().readRects.t3)).toBe(`${loc("T3.R01.C1").address}:${loc("T3.R25.C7").address}`);
  });
});

test("every column width of the design is written into the .xlsx (9 included: ExcelJS drops its own default)", () => {
  const design = templateDesign();
  for (const role of TEMPLATE_ROLES) {
    const xml = sheetXml[role]!;
    for (const [col, width] of Object.entries(design[role].widths)) {
      const c = Number(col);
      const entry = [...xml.matchAll(/<col min="(\d+)" max="(\d+)" width="([\d.]+)"/g)].find((m) => Number(m[1]) <= c && Number(m[2]) >= c);
      expect([role, c, entry ? Number(entry[3]) : null]).toEqual([role, c, expect.closeTo(width, 6)]);
    }
  }
});

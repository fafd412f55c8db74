/**
 * The 封面 block of last year's figures (template version 2): placed, labelled and locked as
 * the layout map says, read back into report.priorFigures by readWorkbook (so `xxgk-report check
 * filled.xlsx` runs the PRIOR.* rules), and version-1 templates without the block still read.
 */
import path from "node:path";
import { writeFileSync } from "node:fs";
import type ExcelJS from "exceljs";
import { PRIOR_KEYS, checkReport, emptyReport, t3Key } from "../../src/report";
import { run as runCheck } from "../../src/cli/commands/check";
import type { CliIO } from "../../src/cli/io";
import { templateLayout, PRIOR_YEAR_KEY, priorGroups, priorKey, META_KEYS } from "../../src/template/layout";
import { MARKER_ADDRESS, TEMPLATE_VERSION, formatMarker, parseMarker } from "../../src/template/marker";
import { PRIOR_LABELS } from "../../src/template/messages";
import { readWorkbook } from "../../src/template/read";
import { rollForward } from "../../src/workflow/rollForward";
import { outputDir } from "../helpers/paths";
import { sampleReport } from "../support/reports";
import { fillTemplate, loadXlsx, saveXlsx, templateBytes } from "./support";

const loc = (key: string) => templateLayout().cells.get(key)!;

/** This year's report rolled forward from a filled 2023 report. */
function rolled() {
  const prior = sampleReport(6);
  prior.meta.year = 2023;
  return { prior, ...rollForward(prior) };
}

describe("the block on 封面", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await loadXlsx(await templateBytes());
  });
  const meta = () => wb.getWorksheet("封面")!;

  test("every PRIOR key has a locked cell on 封面 below the notes, labelled from the format, without validation", () => {
    const keys = [PRIOR_YEAR_KEY, ...PRIOR_KEYS.map(priorKey)];
    const lastNote = Math.max(...[META_KEYS.agency, META_KEYS.year, META_KEYS.contact, META_KEYS.title].map((k) => loc(k).row));
    for (const key of keys) {
      const l = loc(key);
      expect({ key, role: l.role, kept: l.kept, computed: l.computed }).toEqual({ key, role: "meta", kept: true, computed: false });
      expect(l.row).toBeGreaterThan(lastNote);
      const cell = meta().getCell(l.row, l.col);
      expect(cell.protection?.locked).not.toBe(false);
      expect(cell.dataValidation?.type).toBeUndefined();
      expect(cell.value).toBeNull();
    }
    const heading = meta().getCell(loc(PRIOR_YEAR_KEY).row - 2, 1).value;
    expect(heading).toBe(PRIOR_LABELS.heading);
    expect(heading).toBe("上年数据（结转时自动填写，用于跨年度校验）");
    expect(meta().getCell(loc(PRIOR_YEAR_KEY).row, 1).value).toBe("上年度");
    // Each group's title row, then one labelled row per figure.
    for (const g of priorGroups()) {
      const first = loc(priorKey(g.items[0]!.key));
      expect(meta().getCell(first.row - 1, 1).value).toBe(g.title);
      for (const item of g.items) expect(meta().getCell(loc(priorKey(item.key)).row, 1).value).toBe(item.label);
    }
    expect(priorGroups().map((g) => g.title)).toEqual(["表三“四、结转下年度继续办理”", "表二“现行有效件数”", "表二“行政事业性收费”"]);
    expect(priorGroups()[0]!.items.map((i) => i.label)).toEqual(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]);
  });

  test("the print area of 封面 covers the block; markers say the template version (2 or later)", () => {
    expect(Number(TEMPLATE_VERSION)).toBeGreaterThanOrEqual(2);
    expect(parseMarker(meta().getCell(MARKER_ADDRESS).value)?.template).toBe(TEMPLATE_VERSION);
    const bottom = Math.max(...[PRIOR_YEAR_KEY, ...PRIOR_KEYS.map(priorKey)].map((k) => loc(k).row));
    const area = (meta().pageSetup.printArea ?? "").replace(/\$/g, "");
    expect(area).toBe(`A1:B${bottom}`);
  });
});

describe("reading it back", () => {
  test("readWorkbook fills report.priorFigures, so the PRIOR rules run from the file alone", async () => {
    const { report, priorSnapshot, prior } = rolled();
    const back = await readWorkbook(await fillTemplate(await templateBytes(), report));
    expect(back.report!.priorFigures).toEqual({ year: 2023, cells: priorSnapshot });
    expect(checkReport(back.report!).filter((f) => f.rule.startsWith("PRIOR."))).toEqual([]);
    // Change 上年结转 of 自然人: the carry-over check names that cell.
    const changed = structuredClone(report);
    changed.cells[t3Key("R02", "C1")] = (prior.cells[t3Key("R25", "C1")] as number) + 3;
    const again = await readWorkbook(await fillTemplate(await templateBytes(), changed));
    const carry = checkReport(again.report!).filter((f) => f.rule === "PRIOR.CARRYOVER");
    // 自然人 and the 总计 column (a template formula over it).
    expect(carry.map((f) => f.cells[0])).toEqual(["T3.R02.C1", "T3.R02.C7"]);
  });

  test("`xxgk-report check filled.xlsx` reports PRIOR.CARRYOVER from the kept figures", async () => {
    const { report, prior } = rolled();
    report.cells[t3Key("R02", "C2")] = (prior.cells[t3Key("R25", "C2")] as number) + 1;
    const dir = outputDir("template-cli");
    const file = path.join(dir, "结转后改动.xlsx");
    writeFileSync(file, await fillTemplate(await templateBytes(), report));
    let out = "";
    const io: CliIO = { cwd: dir, out: (t) => void (out += t + "\n"), err: (t) => void (out += t + "\n") };
    await runCheck([file, "--json"], io);
    const json = JSON.parse(out) as { findings: { rule: string; cells: string[] }[] };
    expect(json.findings.filter((f) => f.rule === "PRIOR.CARRYOVER").map((f) => f.cells[0])).toContain("T3.R02.C2");
  });

  test("no block values: no priorFigures; text in the block is reported, not guessed", async () => {
    const plain = await readWorkbook(await fillTemplate(await templateBytes(), sampleReport(2)));
    expect(plain.report!.priorFigures).toBeUndefined();
    const { report } = rolled();
    const wb = await loadXlsx(await fillTemplate(await templateBytes(), report));
    wb.getWorksheet("封面")!.getCell(loc(priorKey("T3.R25.C3")).address).value = "三";
    const back = await readWorkbook(await saveXlsx(wb));
    expect(back.report!.priorFigures!.cells["T3.R25.C3"]).toBeUndefined();
    const f = back.findings.find((x) => x.rule === "TEMPLATE.PRIOR");
    expect(f?.message).toBe("封面“上年数据”中“表三“四、结转下年度继续办理”·科研机构”的内容“三”不是数字，跨年度校验未使用这一项。");
  });

  test("a version-1 template (no block, template=1 markers) still reads", async () => {
    const wb = await loadXlsx(await fillTemplate(await templateBytes(), sampleReport(3)));
    for (const ws of wb.worksheets) {
      const m = parseMarker(ws.getCell(MARKER_ADDRESS).value)!;
      ws.getCell(MARKER_ADDRESS).value = formatMarker(m.role).replace(`|template=${TEMPLATE_VERSION}|`, "|template=1|");
    }
    const meta = wb.getWorksheet("封面")!;
    const top = loc(PRIOR_YEAR_KEY).row - 2;
    for (let r = top; r <= top + 20; r++) for (const c of [1, 2]) meta.getCell(r, c).value = null;
    const back = await readWorkbook(await saveXlsx(wb));
    expect(back.template!.templateVersion).toBe("1");
    expect(back.report!.priorFigures).toBeUndefined();
    expect(back.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(back.report!.cells["T3.R01.C1"]).toBe(sampleReport(3).cells["T3.R01.C1"]);
  });
});

test("an empty report has no kept figures (emptyReport stays as it was)", () => {
  expect(emptyReport("2021").priorFigures).toBeUndefined();
});

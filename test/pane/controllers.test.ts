/**
 * The pane's feature controllers one by one, without mountPane or a view: a context on the real
 * reducer, the real validation controller and the memory port (as strict as the adapters about
 * expect/changed and refusals), plus a port whose writes throw like a host that lost its sheet.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { APP_COLUMNS } from "../../src/ledger";
import { emptyReport, type Report } from "../../src/report";
import { templateLayout } from "../../src/template/layout";
import type { InputWrites, WriteOutcome } from "../../src/workbook/port";
import { writeApplier, type PaneContext } from "../../src/pane/controllers/context";
import { exportController } from "../../src/pane/controllers/export";
import { registerController } from "../../src/pane/controllers/register";
import { transferController } from "../../src/pane/controllers/transfer";
import { validationController } from "../../src/pane/controllers/validation";
import type { ExportModule } from "../../src/pane/exportApi";
import { initialState, reducer, type Action, type PaneState } from "../../src/pane/state";
import { checkRules } from "../../src/workflow/check";
import { FIXTURES } from "../helpers/paths";
import { FULL_TEMPLATE, MemoryPort } from "./memoryPort";

class ThrowingPort extends MemoryPort {
  override async writeInputs(w: InputWrites): Promise<WriteOutcome> {
    this.writes.push(w);
    throw new Error("对象已被删除");
  }
}

function context(port: MemoryPort, over: Partial<PaneContext> = {}): PaneContext & { actions: Action[] } {
  let state: PaneState = initialState;
  const actions: Action[] = [];
  const dispatch = (a: Action) => {
    actions.push(a);
    state = reducer(state, a);
  };
  const ctx: PaneContext & { actions: Action[] } = {
    port,
    host: { templateUrl: "https://localhost:3000/template/xxgk-template.xlsx" },
    get state() {
      return state;
    },
    dispatch,
    validate: () => validation.validate(),
    applyWrite: writeApplier(port, dispatch),
    thisYear: 2025,
    now: () => Date.UTC(2025, 5, 30),
    loadTransfer: () => import("../../src/pane/transferModule"),
    loadExporter: () => Promise.reject(new Error("not in this test")),
    loadRegister: () => import("../../src/pane/registerModule"),
    actions,
    ...over,
  };
  const validation = validationController(ctx, 0);
  return ctx;
}

const REG = templateLayout().registers;
function withRegisters(): Report {
  const r = emptyReport("2021", { year: 2025, agency: "某局" });
  return {
    ...r,
    registers: {
      applications: { name: "申请台账", firstLine: REG.apps.headerRow, rows: [APP_COLUMNS.map((c) => c.title)] },
      cases: { name: "复议诉讼台账", firstLine: REG.cases.headerRow, rows: [["编号", "类型", "收到日期", "结果", "备注"]] },
    },
  };
}
const TEMPLATE_V3 = { ...FULL_TEMPLATE, sheets: { ...FULL_TEMPLATE.sheets, apps: "申请台账", cases: "复议诉讼台账" }, templateVersion: "3" };
const CSV = ["登记号,来件日,申请人类别,申请人姓名,答复时间,答复类型", "1,2025-03-05,自然人,张三,2025-03-20,予以公开"].join("\r\n");

describe("applyWrite: the one switch over a write's outcome", () => {
  const port = () => Object.assign(new MemoryPort(), { report: emptyReport("2021", { year: 2025 }), template: FULL_TEMPLATE });

  test("written, changed, refused: each to its handler; a refusal's reason is the notice", async () => {
    const p = port();
    const ctx = context(p);
    const seen: string[] = [];
    const on = { written: () => void seen.push("written"), changed: (k: string[]) => void seen.push(`changed:${k.join()}`), refused: () => void seen.push("refused"), failed: (w: string) => w };
    await ctx.applyWrite({ cells: { "T3.R01.C1": 1 } }, on);
    await ctx.applyWrite({ cells: { "T3.R01.C1": 2 }, expect: { cells: { "T3.R01.C1": null } } }, on);
    p.refuseNextWrite = "表三已被保护，且有密码。";
    await ctx.applyWrite({ cells: { "T3.R01.C1": 3 } }, on);
    expect(seen).toEqual(["written", "changed:T3.R01.C1", "refused"]);
    expect(ctx.state.notice).toEqual({ tone: "error", text: "表三已被保护，且有密码。" });
    expect(p.report!.cells["T3.R01.C1"]).toBe(1);
  });

  test("a write that throws: the feature's own wording with the host's reason, and its hook", async () => {
    const p = Object.assign(new ThrowingPort(), { report: emptyReport("2021", { year: 2025 }), template: FULL_TEMPLATE });
    const ctx = context(p);
    const hook = jest.fn();
    await ctx.applyWrite({ cells: { "T3.R01.C1": 1 } }, { written: () => undefined, changed: () => undefined, failed: (why) => `写入失败：${why}`, onFailed: hook });
    expect(hook).toHaveBeenCalledTimes(1);
    expect(ctx.state.notice).toEqual({ tone: "error", text: "写入失败：对象已被删除" });
  });

  test("nothing to write (the planning step said so): the port is not called", async () => {
    const p = port();
    const ctx = context(p);
    await ctx.applyWrite(async () => null, { written: () => undefined, changed: () => undefined, failed: (w) => w });
    expect(p.writes).toEqual([]);
    expect(ctx.state.notice).toBeNull();
  });
});

describe("validation controller: the register chunk (issue 23)", () => {
  /** A counted loader over the real chunk, so a test sees when the pane asked for it. */
  function counting(fail = false) {
    const calls = { n: 0 };
    const load = () => {
      calls.n++;
      return fail ? Promise.reject(new Error("ChunkLoadError")) : import("../../src/pane/registerModule");
    };
    return { calls, load };
  }

  test("a workbook without register sheets never loads it", async () => {
    const { calls, load } = counting();
    const ctx = context(Object.assign(new MemoryPort(), { report: emptyReport("2021", { year: 2025, agency: "某局" }), template: FULL_TEMPLATE }), { loadRegister: load });
    await ctx.validate();
    expect(calls.n).toBe(0);
    expect(ctx.state.ledger).toBeNull();
  });

  test("with registers, the pass has the LEDGER rules and the 台账 summary, the same as the CLI's check", async () => {
    const { calls, load } = counting();
    const report = withRegisters();
    report.registers!.applications!.rows.push(["1", "2025-03-05", "自然人", "张三", "某信息", null, "否", null, null]);
    const ctx = context(Object.assign(new MemoryPort(), { report, template: TEMPLATE_V3 }), { loadRegister: load });
    await ctx.validate();
    expect(calls.n).toBeGreaterThan(0);
    expect(ctx.state.ledger).toMatchObject({ year: 2025, registered: { applications: 1 } });
    const ledgerRules = ctx.state.findings.filter((f) => f.rule.startsWith("LEDGER.")).map((f) => `${f.rule}|${f.message}`);
    const cli = checkRules(report).filter((f) => f.rule.startsWith("LEDGER.")).map((f) => `${f.rule}|${f.message}`);
    expect(ledgerRules.length).toBeGreaterThan(0);
    expect(ledgerRules).toEqual(cli);
  });

  test("the chunk failing to load is said; the other rules still run and nothing is called 台账 fine", async () => {
    const { load } = counting(true);
    const report = withRegisters();
    report.cells["T3.R01.C1"] = 5;
    const ctx = context(Object.assign(new MemoryPort(), { report, template: TEMPLATE_V3 }), { loadRegister: load });
    await ctx.validate();
    expect(ctx.state.notice).toMatchObject({ tone: "warning", text: expect.stringContaining("台账检查组件加载失败：ChunkLoadError") });
    expect(ctx.state.findings.some((f) => f.rule.startsWith("LEDGER."))).toBe(false);
    expect(ctx.state.findings.length).toBeGreaterThan(0);
    expect(ctx.state.ledger).toBeNull();
  });
});

describe("transfer controller", () => {
  test("a file too big or unreadable is said in the panel, nothing read", async () => {
    const ctx = context(Object.assign(new MemoryPort(), { report: emptyReport("2021", { year: 2025 }), template: FULL_TEMPLATE }));
    const t = transferController(ctx);
    t.open("import");
    await t.file({ name: "大.docx", size: 30 * 1048576, arrayBuffer: () => Promise.reject(new Error("never")) } as unknown as File);
    expect(ctx.state.transfer).toMatchObject({ step: "choose", error: { message: expect.stringContaining("30 MB") } });
    await t.file({ name: "坏.docx", size: 10, arrayBuffer: () => Promise.reject(new Error("NotReadableError")) } as unknown as File);
    expect(ctx.state.transfer).toMatchObject({ step: "choose", error: { message: "无法读取文件：NotReadableError" } });
    expect(ctx.state.transferSource).toBeNull();
  });

  test("the source read is reducer state; the same button again closes the panel", async () => {
    const port = Object.assign(new MemoryPort(), { report: emptyReport("2021", { year: 2025, agency: "某局" }), template: FULL_TEMPLATE });
    const ctx = context(port);
    const t = transferController(ctx);
    t.open("import");
    await t.read({ name: "湖滨.txt", data: readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8") });
    expect(ctx.state.transfer).toMatchObject({ step: "preview", mode: "import" });
    expect(ctx.state.transferSource).toMatchObject({ kind: "file", source: { report: { meta: { year: 2023 } } } });
    t.back();
    expect(ctx.state.transfer).toMatchObject({ step: "choose", mode: "import" });
    t.open("import");
    expect(ctx.state.transfer).toBeNull();
  });

  test("按台账填写 without registers opens nothing", async () => {
    const ctx = context(Object.assign(new MemoryPort(), { report: emptyReport("2021", { year: 2025 }), template: FULL_TEMPLATE }));
    await transferController(ctx).ledger();
    expect(ctx.state.transfer).toBeNull();
    expect(ctx.state.transferSource).toBeNull();
  });
});

describe("register controller (导入已有台账)", () => {
  const mounted = () => {
    const port = Object.assign(new MemoryPort(), { report: withRegisters(), template: TEMPLATE_V3 });
    const ctx = context(port);
    return { port, ctx, r: registerController(ctx) };
  };
  /** The panel open on the CSV, 收到日期 mapped (the mapping step, ready to confirm). */
  const mapped = async () => {
    const m = mounted();
    m.r.open();
    await m.r.read({ name: "台账.csv", data: new TextEncoder().encode(CSV) });
    m.r.map("apps", "received", 1);
    return m;
  };

  test("the mapped file is reducer state, dropped when the panel closes", async () => {
    const { ctx, r } = mounted();
    r.open();
    await r.read({ name: "台账.csv", data: new TextEncoder().encode(CSV) });
    expect(ctx.state.ledgerImport).toMatchObject({ step: "map", busy: false });
    expect(ctx.state.registerSource?.file).toBe("台账.csv");
    r.close();
    expect(ctx.state.registerSource).toBeNull();
    expect(ctx.state.ledgerImport).toBeNull();
  });

  test("a refused write: the reason shown, the panel usable again, nothing to undo", async () => {
    const { port, ctx, r } = await mapped();
    expect(ctx.state.ledgerImport).toMatchObject({ step: "map", preview: { canConfirm: true } });
    port.refuseNextWrite = "申请台账已被保护，且有密码。";
    await r.confirm();
    expect(ctx.state.notice).toEqual({ tone: "error", text: "申请台账已被保护，且有密码。" });
    expect(ctx.state.ledgerImport).toMatchObject({ step: "map", busy: false });
    expect(ctx.state.registerApplied).toBeNull();
    expect(ctx.state.busy).toBeNull();
  });

  test("confirm then 撤销: applied kept in the reducer until undone", async () => {
    const { port, ctx, r } = await mapped();
    await r.confirm();
    expect(ctx.state.registerApplied?.rows).toBe(1);
    expect(port.report!.registers!.applications!.rows.length).toBeGreaterThan(1);
    await r.actions["ledger-undo"]!();
    expect(ctx.state.registerApplied).toBeNull();
    expect(ctx.state.notice?.text).toContain("已撤销导入台账");
  });
});

describe("export controller", () => {
  test("with errors: asks once; closing the question forgets the answer; 仍然导出 goes ahead", async () => {
    const r = emptyReport("2021", { year: 2025, agency: "某局" });
    r.cells["T3.R01.C1"] = "abc"; // a number cell with text: an error
    const port = Object.assign(new MemoryPort(), { report: r, template: FULL_TEMPLATE });
    const runExport = jest.fn(async () => ({ tone: "success" as const, message: "已开始下载。" }));
    const ctx = context(port, { host: { templateUrl: "x", exportHost: { fontsBaseUrl: "x" } }, loadExporter: async () => ({ runExport }) as unknown as ExportModule });
    const e = exportController(ctx);
    await e.exportAs("pdf");
    expect(ctx.state.confirmedExport).toBe("pdf");
    expect(ctx.state.notice?.action?.id).toBe("export:pdf");
    e.dismissNotice();
    expect(ctx.state.confirmedExport).toBeNull();
    await e.exportAs("pdf");
    expect(runExport).not.toHaveBeenCalled();
    await e.actions["export:pdf"]!();
    expect(runExport).toHaveBeenCalledTimes(1);
    expect(ctx.state.confirmedExport).toBeNull();
    expect(ctx.state.notice).toEqual({ tone: "success", text: "已开始下载。" });
  });
});

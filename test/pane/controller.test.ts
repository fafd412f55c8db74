/**
 * The pane controller without a DOM: validation on open, on sheet activation and ~300 ms after
 * edits (debounced, one read per pass), insertion, selection and the lazy export path.
 */
import { t3Key } from "../../src/report";
import { mountPane, type PaneController } from "../../src/pane/app";
import type { SaveEnv } from "../../src/delivery";
import type { ExportHost, ExportModule, ExportRequest } from "../../src/pane/exportApi";
import type { ViewModel } from "../../src/pane/state";
import type { ViewHandlers } from "../../src/pane/view";
import { sampleReport } from "../support/reports";
import { FULL_TEMPLATE, MemoryPort } from "./memoryPort";

interface Harness {
  port: MemoryPort;
  pane: PaneController;
  vms: ViewModel[];
  handlers: () => ViewHandlers;
  last: () => ViewModel;
}

const exportHost: ExportHost = { fontsBaseUrl: "https://localhost:3000/fonts/", saveEnv: () => ({}) as SaveEnv };

function mount(port = new MemoryPort(), loadExporter?: () => Promise<ExportModule>, noExportHost = false): Harness {
  const vms: ViewModel[] = [];
  let handlers: ViewHandlers | null = null;
  const pane = mountPane({} as HTMLElement, {
    port,
    host: { templateUrl: "https://localhost:3000/template/xxgk-template.xlsx", now: () => Date.UTC(2025, 0, 10), ...(noExportHost ? {} : { exportHost }) },
    ...(loadExporter ? { loadExporter } : {}),
    createView: (_root, h) => {
      handlers = h;
      return { root: {} as HTMLElement, update: (vm) => vms.push(vm) };
    },
  });
  return { port, pane, vms, handlers: () => handlers!, last: () => vms[vms.length - 1]! };
}

/** Let pending promise callbacks run (the port is async). */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function withReport(): MemoryPort {
  const port = new MemoryPort();
  port.template = FULL_TEMPLATE;
  port.report = sampleReport();
  return port;
}

test("validates once on open: one read, findings shown", async () => {
  const h = mount(withReport());
  await h.pane.idle();
  expect(h.port.reads).toBe(1);
  expect(h.last().summary.text).toBe("全部通过");
  expect(h.pane.state.lastSyncs).toBe(1);
  await h.pane.dispose();
});

test("edits re-validate ~300 ms after the last one; a burst is one pass", async () => {
  const h = mount(withReport());
  await h.pane.validate();
  await settle();
  expect(h.port.changeHandlers.size).toBe(1);
  const before = h.port.reads;
  h.port.edit(t3Key("R01", "C1"), 999);
  jest.advanceTimersByTime(100);
  h.port.edit(t3Key("R01", "C2"), 998);
  jest.advanceTimersByTime(299);
  expect(h.port.reads).toBe(before);
  jest.advanceTimersByTime(1);
  await settle();
  expect(h.port.reads).toBe(before + 1);
  await h.pane.validate();
  expect(h.last().summary.tone).toBe("error");
  await h.pane.dispose();
});

test("an edit during a pass schedules exactly one more pass", async () => {
  const port = withReport();
  let open!: () => void;
  port.gate = new Promise<void>((r) => (open = r));
  const h = mount(port);
  await settle();
  expect(port.reads).toBe(1); // first pass waiting on the gate
  void h.pane.validate();
  void h.pane.validate();
  port.gate = null;
  open();
  await h.pane.validate();
  await settle();
  expect(port.reads).toBe(2);
  await h.pane.dispose();
});

test("sheet activation re-validates", async () => {
  const h = mount(withReport());
  await h.pane.idle();
  await settle();
  const before = h.port.reads;
  h.port.activate();
  await settle();
  await h.pane.idle();
  expect(h.port.reads).toBe(before + 1);
  await h.pane.dispose();
});

test("no template → banner; insert → notice, re-validation and edit subscription", async () => {
  const h = mount();
  await h.pane.validate();
  expect(h.last().banner).toEqual({ kind: "missing", canInsert: true });
  expect(h.port.changeHandlers.size).toBe(0);
  h.handlers().insert({ agency: "某某街道办事处", year: 2024 });
  await settle();
  await h.pane.validate();
  await settle();
  expect(h.port.inserts).toEqual([{ agency: "某某街道办事处", year: 2024 }]);
  expect(h.last().notice?.text).toMatch(/^已插入年报模板/);
  // A fresh template is its own state: what to do first, not 200 blank cells.
  expect(h.last().banner).toEqual({ kind: "start", agencyMissing: false });
  expect(h.last().summary.text).toBe("未开始填写");
  expect(h.last().title).toBe("某某街道办事处 · 2024\u00a0年度");
  expect(h.port.changeHandlers.size).toBe(1);
  await h.pane.dispose();
  expect(h.port.changeHandlers.size).toBe(0);
  expect(h.port.activateHandlers.size).toBe(0);
});

test("insert without 机关名称 asks for it at the field and inserts nothing", async () => {
  const h = mount();
  await h.pane.validate();
  h.handlers().insert({ agency: "  ", year: 2024 });
  await settle();
  expect(h.port.inserts).toEqual([]);
  expect(h.last().formError).toContain("机关名称");
  h.handlers().insert({ agency: "某局", year: 2024 });
  await settle();
  await h.pane.idle();
  expect(h.port.inserts).toEqual([{ agency: "某局", year: 2024 }]);
  expect(h.last().formError).toBeNull();
  await h.pane.dispose();
});

test("a host without ExcelApi 1.13 gets the template as a file", async () => {
  const port = new MemoryPort();
  port.caps = { ...port.caps, insertTemplate: false };
  const h = mount(port);
  await h.pane.validate();
  expect(h.last().banner).toEqual({ kind: "missing", canInsert: false });
  await h.pane.insert({ agency: "", year: 2024 });
  expect(h.last().notice?.link?.href).toBe("https://localhost:3000/template/xxgk-template.xlsx");
  await h.pane.dispose();
});

test("clicking a finding selects its cells", async () => {
  const h = mount(withReport());
  await h.pane.validate();
  h.handlers().select(["T3.R01.C1", "T3.R02.C1"]);
  await settle();
  expect(h.port.selections).toEqual([["T3.R01.C1", "T3.R02.C1"]]);
  await h.pane.dispose();
});

test("a failing read is reported in Chinese and the next pass recovers", async () => {
  const port = withReport();
  port.failNextRead = new Error("GeneralException");
  const h = mount(port);
  await h.pane.validate();
  await settle();
  expect(h.vms.some((v) => v.readError === "读取工作簿失败：GeneralException。请稍后点击“重新校验”。")).toBe(true);
  await h.pane.validate();
  expect(h.last().readError).toBeNull();
  await h.pane.dispose();
});

describe("export", () => {
  test("loads the export module lazily, only on the first export, with the pane's findings", async () => {
    const runExport = jest.fn(async (_req: ExportRequest) => ({ tone: "success" as const, message: "已开始下载“年报.docx”。" }));
    const load = jest.fn(async () => ({ runExport }) as ExportModule);
    const h = mount(withReport(), load);
    await h.pane.idle();
    expect(load).not.toHaveBeenCalled();
    h.handlers().exportAs("docx");
    await settle();
    await h.pane.idle();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    const req = runExport.mock.calls[0]![0];
    expect(req).toMatchObject({ kind: "docx", report: { format: "2021" }, findings: [], host: exportHost });
    expect(h.last().notice).toMatchObject({ tone: "success", text: "已开始下载“年报.docx”。" });
    expect(h.last().busy).toBeNull();
    await h.pane.dispose();
  });

  test("with errors it asks first; the notice's button exports anyway", async () => {
    const port = withReport();
    port.report!.cells[t3Key("R01", "C1")] = 12345;
    const runExport = jest.fn(async () => ({ tone: "success" as const, message: "ok" }));
    const h = mount(port, async () => ({ runExport }));
    await h.pane.idle();
    h.handlers().exportAs("pdf");
    await settle();
    await h.pane.idle();
    expect(runExport).not.toHaveBeenCalled();
    expect(h.last().notice).toMatchObject({ tone: "warning", action: { id: "export:pdf" } });
    h.handlers().noticeAction("export:pdf");
    await settle();
    await h.pane.idle();
    await settle();
    expect(runExport).toHaveBeenCalledTimes(1);
    await h.pane.dispose();
  });

  test("dismissing the question is a no: the next 导出 asks again", async () => {
    const port = withReport();
    port.report!.cells[t3Key("R01", "C1")] = 12345;
    const runExport = jest.fn(async () => ({ tone: "success" as const, message: "ok" }));
    const h = mount(port, async () => ({ runExport }));
    await h.pane.idle();
    h.handlers().exportAs("docx");
    await settle();
    await h.pane.idle();
    expect(h.last().notice).toMatchObject({ action: { id: "export:docx", label: "仍然导出 Word" } });
    h.handlers().dismissNotice();
    h.handlers().exportAs("docx");
    await settle();
    await h.pane.idle();
    await settle();
    expect(runExport).not.toHaveBeenCalled();
    expect(h.last().notice).toMatchObject({ tone: "warning", action: { id: "export:docx" } });
    await h.pane.dispose();
  });

  test("a fallback link from delivery is shown as a link", async () => {
    const h = mount(withReport(), async () => ({
      runExport: async () => ({ tone: "warning" as const, message: "无法自动打开浏览器。", link: { href: "https://localhost:3000/api/handoff/x", label: "下载“年报.pdf”" } }),
    }));
    await h.pane.idle();
    h.handlers().exportAs("pdf");
    await settle();
    await h.pane.idle();
    await settle();
    expect(h.last().notice).toMatchObject({ tone: "warning", link: { href: "https://localhost:3000/api/handoff/x" } });
    await h.pane.dispose();
  });

  test("a page without an export host says so instead of failing", async () => {
    const load = jest.fn();
    const h = mount(withReport(), load, true);
    await h.pane.idle();
    h.handlers().exportAs("docx");
    await settle();
    await h.pane.idle();
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(h.last().notice).toMatchObject({ tone: "error", text: "此页面不能导出文件（未配置文件保存方式）。" });
    await h.pane.dispose();
  });

  test("an exception in the export module is reported in Chinese", async () => {
    const h = mount(withReport(), async () => ({
      runExport: async () => {
        throw new Error("boom");
      },
    }));
    await h.pane.idle();
    h.handlers().exportAs("docx");
    await settle();
    await h.pane.idle();
    await settle();
    expect(h.last().notice).toMatchObject({ tone: "error", text: "导出失败：boom" });
    await h.pane.dispose();
  });
});

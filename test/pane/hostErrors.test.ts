/** The pane shows the adapter's own message for each cause (cell-edit mode, sheet deleted…), not a blanket one. */
import { EXCEL_TEXT } from "../../src/hosts/office/messages";
import { HostError } from "../../src/workbook/hostErrors";
import type { InsertOutcome } from "../../src/workbook/port";
import { mountPane } from "../../src/pane/app";
import type { ViewModel } from "../../src/pane/state";
import type { ViewHandlers } from "../../src/pane/view";
import { FULL_TEMPLATE, MemoryPort } from "./memoryPort";

class EditingPort extends MemoryPort {
  override async select(): Promise<void> {
    throw new HostError("cellEdit", EXCEL_TEXT.cause.cellEdit(""));
  }
  override async insertTemplate(): Promise<InsertOutcome> {
    throw new HostError("host", EXCEL_TEXT.insertPartly(["封面", "正文"], "Excel 报告错误：内部错误。"));
  }
}

async function mounted() {
  const port = new EditingPort();
  port.template = FULL_TEMPLATE;
  const vms: ViewModel[] = [];
  let handlers: ViewHandlers | null = null;
  const pane = mountPane({} as HTMLElement, {
    port,
    host: { templateUrl: "https://localhost:3000/template/xxgk-template.xlsx", now: () => 0 },
    createView: (_root, h) => {
      handlers = h;
      return { root: {} as HTMLElement, update: (vm) => vms.push(vm) };
    },
  });
  await pane.idle();
  return { pane, handlers: handlers!, last: () => vms[vms.length - 1]! };
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

test("click-to-cell in cell-edit mode says 请先按 Enter 结束单元格编辑, not that the sheet was deleted", async () => {
  const h = await mounted();
  h.handlers.select(["T3.R01.C1"]);
  await settle();
  expect(h.last().notice?.text).toContain("请先按 Enter 结束单元格编辑");
  expect(h.last().notice?.text).not.toContain("删除");
  await h.pane.dispose();
});

test("a failed insertion shows what really happened instead of 插入模板失败", async () => {
  const h = await mounted();
  h.handlers.insert({ agency: "某局", year: 2024 });
  await settle();
  await h.pane.idle();
  expect(h.last().notice?.text).toMatch(/^只插入了部分模板工作表（封面、正文）/);
  await h.pane.dispose();
});

/**
 * The workbench as WPS 表格 (`?host=wps`): the ET fake over the workbench's own workbook model,
 * serving the template the page fetches from its origin, and the WPS adapter on it. The grid,
 * the ribbon buttons and the pane are the workbench's; only the port differs.
 */
import type { FakeWorkbookModel } from "../../workbook/memory/model";
import { parseXlsx } from "../../workbook/memory/xlsxImport";
import type { WorkbookPort } from "../../workbook/port";
import { createFakeEt, type FakeEt } from "./fake";
import { createWpsWorkbook } from "./wpsWorkbook";

export const WPS_WORKBENCH_HINT = "模拟 WPS 表格（ET 对象模型）";

export interface WpsWorkbench {
  fakeEt: FakeEt;
  port: WorkbookPort & { readonly calls: number };
  /** Resolves once the template can be "downloaded" (insertion before that reports a failure). */
  ready: Promise<void>;
}

export function wpsWorkbench(model: FakeWorkbookModel, templateUrl: string): WpsWorkbench {
  const fakeEt = createFakeEt({ model });
  const port = createWpsWorkbook({ app: fakeEt.Application, templateUrl });
  const ready = fetch(templateUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status}`);
      return r.arrayBuffer();
    })
    .then((buf) => parseXlsx(new Uint8Array(buf)))
    .then((seeds) => fakeEt.serve(templateUrl, seeds));
  return { fakeEt, port, ready };
}

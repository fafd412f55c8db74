/**
 * Writing the clerk's values is a lazy chunk (officeWorkbook.ts, `write-inputs`). When it cannot
 * load, the clerk is told so in Chinese, with nothing written, not shown an Excel error.
 */
import { createOfficeWorkbook, type ExcelLike, type OfficeLike } from "../../../src/hosts/office/officeWorkbook";
import { HostError } from "../../../src/workbook/hostErrors";
import { fakeWithTemplate } from "../../template/support";

test("a write whose chunk cannot load says so and touches nothing", async () => {
  const { fake } = await fakeWithTemplate("m365");
  const port = createOfficeWorkbook({
    Excel: fake.Excel as unknown as ExcelLike,
    Office: fake.Office as unknown as OfficeLike,
    loadTemplate: async () => "",
    loadWriteInputs: () => Promise.reject(new Error("HTTP 503")),
  });
  fake.resetCounters();
  const out = port.writeInputs({ cells: { "T3.R01.C1": 5 } } as never);
  await expect(out).rejects.toBeInstanceOf(HostError);
  await expect(out).rejects.toThrow("写入功能未能加载（HTTP 503），没有写入任何内容。请检查网络后重试。");
  expect(fake.syncCount).toBe(0);
});

/** `xxgk-report template`: writes the workbook, pre-fills agency and year, explains mistakes in Chinese. */
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { run } from "../../src/cli/commands/template";
import type { CliIO } from "../../src/cli/io";
import { readWorkbook } from "../../src/template/read";
import { outputDir } from "../helpers/paths";

const dir = outputDir("template-cli");
function io(): CliIO & { outText: string; errText: string } {
  const o = { outText: "", errText: "", cwd: dir, out: (t: string) => void (o.outText += t + "\n"), err: (t: string) => void (o.errText += t + "\n") };
  return o;
}

test("writes a template with agency and year filled in", async () => {
  const file = path.join(dir, "模板.xlsx");
  rmSync(file, { force: true });
  const i = io();
  expect(await run(["--out", "模板.xlsx", "--year", "2024", "--agency", "某某区教育局"], i)).toBe(0);
  expect(i.outText).toContain("已生成模板");
  const back = await readWorkbook(new Uint8Array(readFileSync(file)));
  expect(back.report!.meta).toMatchObject({ agency: "某某区教育局", year: 2024, title: "某某区教育局2024年政府信息公开工作年度报告" });
  // An existing file is kept unless --force.
  const again = io();
  expect(await run(["-o", "模板.xlsx"], again)).toBe(2);
  expect(again.errText).toContain("文件已存在");
  expect(await run(["-o", "模板.xlsx", "--force"], io())).toBe(0);
});

test.each([
  [[], "缺少 --out"],
  [["--out", "a.xlsx", "--year", "24"], "四位数年份"],
  [["--out", "a.xlsx", "--year"], "缺少取值"],
  [["--out", "a.docx"], "应以 .xlsx 结尾"],
  [["--bogus"], "无法识别的选项"],
])("usage error %j", async (args, message) => {
  const i = io();
  expect(await run(args as string[], i)).toBe(2);
  expect(i.errText).toContain(message);
  expect(existsSync(path.join(dir, "a.xlsx"))).toBe(false);
});

test("--help prints the usage in Chinese", async () => {
  const i = io();
  expect(await run(["--help"], i)).toBe(0);
  expect(i.outText).toContain("用法：xxgk-report template");
});

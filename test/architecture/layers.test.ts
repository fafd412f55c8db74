/**
 * The lint refuses a wrong arrow between rooms (eslint.layers.js, docs/architecture.md): each case
 * lints a small source as if it were a file of that room, against the real files it imports.
 */
import path from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";

const root = path.resolve(__dirname, "../..");
const { layerConfig } = require(path.join(root, "eslint.layers.js")) as { layerConfig(): ESLint.Options["overrideConfig"][] };

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...layerConfig()] as ESLint.Options["overrideConfig"],
});

async function problems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the layer rules", () => {
  it.each([
    ["src/report/x.ts", 'import { createOfficeWorkbook } from "../hosts/office/officeWorkbook";', /type "office" are not allowed in elements of type "report"/],
    ["src/template/x.ts", 'import { S } from "../pane/strings";', /type "pane" are not allowed in elements of type "template"/],
    ["src/ledger/x.ts", 'import type { WorkbookPort } from "../workbook/port";', /type "workbook" are not allowed in elements of type "ledger"/],
    ["src/import/x.ts", 'import { saveFile } from "../delivery";', /type "delivery" are not allowed in elements of type "import"/],
    [
      "src/workbook/x.ts",
      'import type { RestoreOutcome } from "../hosts/office/restoreSheets";',
      /type "office" are not allowed in elements of type "workbook"/,
    ],
    ["src/workflow/x.ts", 'import { S } from "../pane/strings";', /type "pane" are not allowed in elements of type "workflow"/],
    ["src/hosts/wps/x.ts", 'import { createFakeExcel } from "../office/fake";', /type "office" are not allowed in elements of type "wps"/],
    ["src/hosts/office/x.ts", 'import { WPS_TEXT } from "../wps/messages";', /type "wps" are not allowed in elements of type "office"/],
    ["src/pane/x.ts", 'import { createOfficeWorkbook } from "../hosts/office/officeWorkbook";', /type "office" are not allowed in elements of type "pane"/],
    ["src/report/x.ts", 'import { readFile } from "node:fs/promises";', /no Node built-ins/],
  ])("refuses %s importing %s", async (file, source, expected) => {
    const found = await problems(file, `${source}\nexport {};\n`);
    expect(found).toEqual([expect.stringMatching(expected)]);
  });

  it.each([
    ["src/template/x.ts", 'import { FORMATS } from "../report/format";'],
    ["src/workflow/x.ts", 'import type { WorkbookPort } from "../workbook/port";'],
    ["src/hosts/wps/x.ts", 'import { mountPane } from "../../pane/app";'],
    ["src/workbench/x.ts", 'import { createFakeExcel } from "../hosts/office/fake";'],
    ["src/report/x.ts", 'import { z } from "zod";'],
  ])("lets %s import %s", async (file, source) => {
    expect(await problems(file, `${source}\nexport {};\n`)).toEqual([]);
  });
});

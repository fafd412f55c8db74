/** A WPS fake serving the real template, and the adapter on it. */
import { parseXlsx } from "../../../src/hosts/office/fake";
import type { FakeSheetSeed } from "../../../src/workbook/memory/model";
import { createFakeEt, type FakeEt } from "../../../src/hosts/wps/fake";
import { createWpsWorkbook, type WpsWorkbook } from "../../../src/hosts/wps/wpsWorkbook";
import { templateBytes } from "../../template/support";

export const TEMPLATE_URL = "https://xxgk.example.gov.cn/wps/template/xxgk-template.xlsx";

let seeds: Promise<FakeSheetSeed[]> | null = null;

export function templateSeeds(): Promise<FakeSheetSeed[]> {
  seeds ??= templateBytes().then(parseXlsx);
  return seeds;
}

export interface WpsSetup {
  fake: FakeEt;
  port: WpsWorkbook;
}

export async function wpsWithPort(opts: { firstSheet?: string } = {}): Promise<WpsSetup> {
  const fake = createFakeEt(opts);
  fake.serve(TEMPLATE_URL, await templateSeeds());
  const port = createWpsWorkbook({ app: fake.Application, templateUrl: TEMPLATE_URL });
  return { fake, port };
}

/** A WPS fake serving the real template, and the adapter on it. */
import { parseXlsx } from "../../../src/hosts/office/fake";
import { FakeWorkbookModel, type FakeSheetSeed, type FakeWorkbookSnapshot } from "../../../src/workbook/memory/model";
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

export async function wpsWithPort(opts: { firstSheet?: string; model?: FakeWorkbookModel } = {}): Promise<WpsSetup> {
  const fake = createFakeEt(opts);
  fake.serve(TEMPLATE_URL, await templateSeeds());
  const port = createWpsWorkbook({ app: fake.Application, templateUrl: TEMPLATE_URL });
  return { fake, port };
}

let prepared: Promise<FakeWorkbookSnapshot> | null = null;

/**
 * A WPS workbook holding the template, as insertTemplate leaves it: the first test of a file gets
 * the inserted workbook itself, the others one built from a snapshot taken before it was used
 * (FakeWorkbookModel.fromSnapshot: about half the cost of an insertion), each with a new adapter
 * that found the template as the pane does when it opens. Tests of the insertion itself use
 * wpsWithPort and insertTemplate.
 */
export async function wpsWithTemplate(): Promise<WpsSetup> {
  if (prepared) {
    const s = await wpsWithPort({ model: FakeWorkbookModel.fromSnapshot(await prepared) });
    await s.port.findTemplate();
    return s;
  }
  const first = (async () => {
    const s = await wpsWithPort();
    await s.port.insertTemplate({ year: 2024, agency: "某某市司法局" });
    await s.fake.settle();
    return s;
  })();
  prepared = first.then((s) => s.fake.workbook.snapshot());
  await prepared; // taken before the first test can change anything
  return first;
}

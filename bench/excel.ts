/**
 * Host-profile figures (context.sync() round trips, counted on the fake Excel):
 *   validationSyncsByProfile.<profile> – one validation read once the workbook is known (target 1)
 *   selectSyncsByProfile.<profile>     – one click-to-cell on four separate cells
 *   insertSyncsByProfile.<profile>     – one insertion after the pane looked (hosts with ExcelApi 1.13)
 *   cellEditRetriesOffice2019          – quiet retries of a read while the clerk types (no delayForCellEdit)
 */
import { createFakeExcel, HOST_PROFILE_IDS, parseXlsx, type HostProfileId } from "../src/hosts/office/fake";
import { createOfficeWorkbook } from "../src/hosts/office/officeWorkbook";
import { base64ToBytes } from "../src/template/base64";
import { buildTemplate } from "../src/template/xlsx";
import { bytesToBase64 } from "../src/template/base64";

async function setup(profile: HostProfileId, b64: string, seeded: boolean, extra: { sleep?: (ms: number) => Promise<void> } = {}) {
  const fake = createFakeExcel({ profile });
  if (seeded) fake.workbook.importSheets(await parseXlsx(base64ToBytes(b64)), 1);
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64, ...extra });
  return { fake, port };
}

export async function bench(): Promise<Record<string, number>> {
  const b64 = bytesToBase64(await buildTemplate());
  const out: Record<string, number> = {};
  for (const profile of HOST_PROFILE_IDS) {
    const { fake, port } = await setup(profile, b64, true);
    await port.readReport();
    fake.resetCounters();
    await port.readReport();
    out[`validationSyncsByProfile.${profile}`] = fake.syncCount;
    fake.resetCounters();
    await port.select(["T3.R01.C2", "T3.R02.C2", "T3.R24.C2", "T3.R25.C2"]);
    out[`selectSyncsByProfile.${profile}`] = fake.syncCount;
    if (fake.Office.context.requirements.isSetSupported("ExcelApi", "1.13")) {
      const fresh = await setup(profile, b64, false);
      await fresh.port.findTemplate();
      fresh.fake.resetCounters();
      await fresh.port.insertTemplate({ year: 2024, agency: "某局" });
      out[`insertSyncsByProfile.${profile}`] = fresh.fake.syncCount;
    }
  }
  let retries = 0;
  const ref: { end?: () => void } = {};
  const old = await setup("office2019vl", b64, true, {
    sleep: async () => {
      if (++retries === 3) ref.end?.();
    },
  });
  ref.end = () => old.fake.workbook.endCellEdit();
  await old.port.readReport();
  old.fake.workbook.beginCellEdit();
  await old.port.readReport();
  out.cellEditRetriesOffice2019 = retries;
  return out;
}

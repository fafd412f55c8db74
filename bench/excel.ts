/**
 * Host-profile figures (context.sync() round trips, counted on the fake Excel):
 *   validationSyncsByProfile.<profile> – one validation read once the workbook is known (target 1)
 *   selectSyncsByProfile.<profile>     – one click-to-cell on four separate cells
 *   insertSyncsByProfile.<profile>     – one insertion after the pane looked (hosts with ExcelApi 1.13)
 *   cellEditRetriesOffice2019          – quiet retries of a read while the clerk types (no delayForCellEdit)
 *   insertOpsPerSyncMax                – most operations one sync of an insertion carries, over every
 *                                        profile (Office 2019 builds through the API in batches;
 *                                        budget 3 000, the fake's Office 2019 limit)
 *   coldReadBytesMax                   – largest response of one sync while a fresh adapter reads a
 *                                        workbook holding the template, over every profile (budget:
 *                                        1 MB, a fifth of the web's 5 MB)
 *   apiBuiltInsertMs                   – wall time of the Office 2019 (office2019vl) insertion on the
 *                                        fake, the code the workbench runs (budget 10 s);
 *                                        apiBuiltInsertCpuMs the CPU time it took (what a busy
 *                                        machine does not inflate)
 * Budgets are printed beside their figures as budget.<figure>.
 */
import { createFakeExcel, HOST_PROFILE_IDS, parseXlsx, type HostProfileId } from "../src/hosts/office/fake";
import { createOfficeWorkbook } from "../src/hosts/office/officeWorkbook";
import { OPS_PER_SYNC } from "../src/hosts/office/buildTemplateViaApi";
import { base64ToBytes } from "../src/template/base64";
import { buildTemplate } from "../src/template/xlsx";
import { bytesToBase64 } from "../src/template/base64";

async function setup(profile: HostProfileId, b64: string, seeded: boolean, extra: { sleep?: (ms: number) => Promise<void> } = {}) {
  const fake = createFakeExcel({ profile });
  if (seeded) fake.workbook.importSheets(await parseXlsx(base64ToBytes(b64)), 1);
  const port = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64, ...extra });
  return { fake, port };
}

export const BUDGETS = { insertOpsPerSyncMax: OPS_PER_SYNC, coldReadBytesMax: 1024 * 1024, apiBuiltInsertMs: 10_000 } as const;

/** Operations per sync of one insertion and response bytes per sync of a cold read, on `profile`. */
async function batchFigures(profile: HostProfileId, b64: string): Promise<{ ops: number; bytes: number; ms: number; cpuMs: number }> {
  const { fake, port } = await setup(profile, b64, false);
  await port.findTemplate();
  fake.resetCounters();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const out = await port.insertTemplate({ year: 2024, agency: "某局" });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  if (out.kind !== "inserted") throw new Error(`${profile} did not insert: ${out.kind}`);
  const ops = Math.max(...fake.opsPerSync);
  const cold = createOfficeWorkbook({ Excel: fake.Excel as never, Office: fake.Office, loadTemplate: async () => b64 });
  fake.resetCounters();
  await cold.readReport();
  return { ops, bytes: Math.max(...fake.responseBytesPerSync), ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

export async function bench(): Promise<Record<string, number>> {
  const b64 = bytesToBase64(await buildTemplate());
  const out: Record<string, number> = {};
  let ops = 0;
  let bytes = 0;
  for (const profile of HOST_PROFILE_IDS) {
    const f = await batchFigures(profile, b64);
    ops = Math.max(ops, f.ops);
    bytes = Math.max(bytes, f.bytes);
    if (profile === "office2019vl") {
      out.apiBuiltInsertMs = Math.round(f.ms);
      out.apiBuiltInsertCpuMs = Math.round(f.cpuMs);
    }
  }
  out.insertOpsPerSyncMax = ops;
  out.coldReadBytesMax = bytes;
  for (const [k, v] of Object.entries(BUDGETS)) out[`budget.${k}`] = v;
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

if (require.main === module) void bench().then((f) => console.log(JSON.stringify(f, null, 2)));

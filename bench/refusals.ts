/**
 * Figures of the second hardening round's refusals (issue 25, points 6–8), each with its budget
 * beside it (`…Budget…`): how long the CLI takes to refuse a hard link of its input, to escape
 * a hostile cell for the terminal, to write an output all or nothing; how long the server takes
 * to refuse a DNS-rebinding page, an upload past its budgets and an impossible date; and the
 * server's peak memory under 40 × 19 MB uploads from 40 addresses (a child process, loopback).
 */
import { copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { run as exportRun } from "../src/cli/commands/export";
import { forTerminal, printable } from "../src/cli/terminal";
import { writeOutput } from "../src/cli/writeOutput";
import { parseDate } from "../src/ledger/dates";
import { createServer } from "../src/server/app";
import { FIXTURES, outputDir } from "../test/helpers/paths";
import { peakRssMb, request, spawnServer, startServer, uploadStorm } from "../test/helpers/server";
import { medianMs, round } from "./stats";

const quiet = { out: () => undefined, err: () => undefined };

export async function bench(): Promise<Record<string, number>> {
  const dir = path.join(outputDir("bench-refusals"), "files");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const input = path.join(dir, "x.txt");
  copyFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), input);
  linkSync(input, path.join(dir, "alias.html"));
  const refuseHardLinkOutputMs = await medianMs(9, () => exportRun(["x.txt", "--html", "alias.html"], { ...quiet, cwd: dir }));

  const mb = Buffer.alloc(1024 * 1024, 0x41);
  const writeOutput1MbMs = await medianMs(9, () => writeOutput(path.join(dir, "out.pdf"), mb));

  // 1 MB of cell text that is mostly escape sequences and forged lines.
  const hostile = "\u001b[2J\u001b[H\r\u202e\n全部通过。".repeat(1024 * 1024 / 16);
  const escapeTerminal1MbMs = await medianMs(5, () => forTerminal(printable(hostile)));

  const dates = Array.from({ length: 10_000 }, (_, i) => `2025-03-${String((i % 28) + 1).padStart(2, "0")} 25:99`);
  const refuseImpossibleDates10kMs = await medianMs(5, () => dates.forEach((d) => parseDate(d)));

  // In process, real HTTP on loopback.
  const off = createServer({});
  await off.listen({ port: 0, host: "127.0.0.1" });
  const offBase = `http://127.0.0.1:${(off.server.address() as { port: number }).port}`;
  const rebind = { Host: "evil.example", Origin: "http://evil.example", "Sec-Fetch-Site": "same-origin" };
  const refuseRebindTokenMs = await medianMs(21, () => request(`${offBase}/api/handoff/token`, { headers: rebind }));
  await off.close();
  const on = await startServer({ timeouts: { uploadsInFlight: 8 } });
  const refuseRebindUploadMs = await medianMs(21, () =>
    request(`${on.base}/api/handoff`, { method: "POST", headers: { ...rebind, "Content-Type": "application/pdf", "X-File-Name": "a.pdf", "Content-Length": "9" }, body: Buffer.from("%PDF-1.7\n") }),
  );
  const static404Ms = await medianMs(21, () => request(`${on.base}/nope.html`));
  await on.app.close();

  // The deployed server in a child process: 40 uploads of 19 MB at once, twice.
  const child = await spawnServer();
  let upload40x19PeakRssMb: number;
  let refuseUploadStoreFullMs: number;
  try {
    await uploadStorm(child.base, 40, 19);
    const t = Date.now();
    const codes = await uploadStorm(child.base, 40, 19);
    refuseUploadStoreFullMs = (Date.now() - t) / Math.max(1, codes.filter((c) => c !== 201).length);
    upload40x19PeakRssMb = peakRssMb(child.pid);
  } finally {
    child.stop();
  }

  return {
    refuseHardLinkOutputMs,
    refuseHardLinkOutputBudgetMs: 1000,
    writeOutput1MbMs,
    writeOutput1MbBudgetMs: 500,
    escapeTerminal1MbMs,
    escapeTerminal1MbBudgetMs: 500,
    refuseImpossibleDates10kMs,
    refuseImpossibleDates10kBudgetMs: 200,
    refuseRebindTokenMs,
    refuseRebindTokenBudgetMs: 100,
    refuseRebindUploadMs,
    refuseRebindUploadBudgetMs: 100,
    static404Ms,
    static404BudgetMs: 100,
    refuseUploadStoreFullMs: round(refuseUploadStoreFullMs),
    refuseUploadStoreFullBudgetMs: 1000,
    upload40x19PeakRssMb: round(upload40x19PeakRssMb, 1),
    upload40x19PeakRssBudgetMb: 400,
  };
}

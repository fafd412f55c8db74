/**
 * Time to refuse (or read) each attack of issue 25, in process, through the readers the CLI and
 * the pane share (medians of 3); their budgets are in ./budgets.ts, printed beside them. Before: 40 000 <x_a></x_b> 50 s,
 * 99 000 over a minute, a cell at row 1 048 576 in 50 sheets or a 470 000-paragraph .docx a
 * crash of a 1 GB heap, 100 000 equal 编号 110 s (docs/import.md, docs/ledger.md).
 */
import { importReport } from "../src/import";
import { loadRegisterFile, registerFindings } from "../src/ledger";
import { badDateRow, docxParagraphs, farCellXlsx, longFieldCsv, markupRepeat, registerCsv, sameIdRow } from "../test/harden/hostile";
import { medianMs } from "./stats";

interface Attack {
  name: string;
  run: () => Promise<unknown>;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

function attacks(): Attack[] {
  const page = (shape: string, n: number) => {
    const html = markupRepeat(shape, n);
    return () => importReport({ name: "x.html", data: html });
  };
  const register = (kind: "csv" | "xlsx", bytes: Uint8Array) => async () => {
    const r = await loadRegisterFile(kind, bytes, "x", { year: 2025 });
    if (!("error" in r)) registerFindings(r.register, 2025, { today: 20_200 });
    return r;
  };
  const word = (paragraphs: number) => {
    const docx = docxParagraphs(paragraphs);
    return () => importReport({ name: "x.docx", data: docx });
  };
  return [
    { name: "readMarkupCase40k", run: page("<DIV></div>", 40_000) },
    { name: "refuseMarkupUnderscore40k", run: page("<x_a></x_b>", 40_000) },
    { name: "refuseMarkupUnderscore99k", run: page("<x_a></x_b>", 99_000) },
    { name: "refuseMarkupUnderscore200k", run: page("<x_a></x_b>", 200_000) },
    { name: "refuseMarkupCase200k", run: page("<DIV></div>", 200_000) },
    { name: "refuseXlsxFarRow4Sheets", run: register("xlsx", farCellXlsx(4)) },
    { name: "refuseXlsxFarRow50Sheets", run: register("xlsx", farCellXlsx(50)) },
    { name: "refuseDocx470kParagraphs", run: word(470_000) },
    { name: "refuseDocx8MbParagraphs", run: word(246_000) },
    { name: "refuseCsvField32Mb", run: register("csv", utf8(longFieldCsv(16 << 20))) },
    { name: "refuseCsvRows1M", run: register("csv", utf8(registerCsv(1_000_000, badDateRow))) },
    { name: "readCsvFindings200k", run: register("csv", utf8(registerCsv(100_000, badDateRow))) },
    { name: "readCsvSameId100k", run: register("csv", utf8(registerCsv(100_000, sameIdRow))) },
  ];
}

export async function bench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const a of attacks()) out[`${a.name}Ms`] = await medianMs(3, a.run, 1);
  return out;
}

/**
 * Time to refuse (or read) each attack of issue 25, in process, through the readers the CLI and
 * the pane share, with its budget beside it (`<name>Ms` and `<name>BudgetMs`); `boundsOverBudget`
 * counts the figures over their budget (0 expected). Before the fix: 40 000 <x_a></x_b> 50 s,
 * 99 000 over a minute, a cell at row 1 048 576 in 50 sheets or a 470 000-paragraph .docx a
 * crash of a 1 GB heap, 100 000 equal 编号 110 s (docs/import.md, docs/ledger.md).
 */
import { importReport } from "../src/import";
import { loadRegisterFile, registerFindings } from "../src/ledger";
import { badDateRow, docxParagraphs, farCellXlsx, longFieldCsv, markupRepeat, registerCsv, sameIdRow } from "../test/harden/hostile";
import { medianMs } from "./stats";

interface Attack {
  name: string;
  budgetMs: number;
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
    { name: "readMarkupCase40k", budgetMs: 2000, run: page("<DIV></div>", 40_000) },
    { name: "refuseMarkupUnderscore40k", budgetMs: 1000, run: page("<x_a></x_b>", 40_000) },
    { name: "refuseMarkupUnderscore99k", budgetMs: 1000, run: page("<x_a></x_b>", 99_000) },
    { name: "refuseMarkupUnderscore200k", budgetMs: 1000, run: page("<x_a></x_b>", 200_000) },
    { name: "refuseMarkupCase200k", budgetMs: 3000, run: page("<DIV></div>", 200_000) },
    { name: "refuseXlsxFarRow4Sheets", budgetMs: 1000, run: register("xlsx", farCellXlsx(4)) },
    { name: "refuseXlsxFarRow50Sheets", budgetMs: 2000, run: register("xlsx", farCellXlsx(50)) },
    { name: "refuseDocx470kParagraphs", budgetMs: 1000, run: word(470_000) },
    { name: "refuseDocx8MbParagraphs", budgetMs: 1000, run: word(246_000) },
    { name: "refuseCsvField32Mb", budgetMs: 2000, run: register("csv", utf8(longFieldCsv(16 << 20))) },
    { name: "refuseCsvRows1M", budgetMs: 3000, run: register("csv", utf8(registerCsv(1_000_000, badDateRow))) },
    { name: "readCsvFindings200k", budgetMs: 5000, run: register("csv", utf8(registerCsv(100_000, badDateRow))) },
    { name: "readCsvSameId100k", budgetMs: 5000, run: register("csv", utf8(registerCsv(100_000, sameIdRow))) },
  ];
}

export async function bench(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  let over = 0;
  for (const a of attacks()) {
    const ms = await medianMs(3, a.run, 1);
    out[`${a.name}Ms`] = ms;
    out[`${a.name}BudgetMs`] = a.budgetMs;
    if (ms > a.budgetMs) over++;
  }
  out.boundsOverBudget = over;
  return out;
}

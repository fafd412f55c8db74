/**
 * Dates in a register (issue 25, point 8): a time after the date is allowed, but only a time that
 * exists — "2025-03-10 25:99" is not a date, in the parser and wherever a register is read.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { run as ledgerRun } from "../../src/cli/commands/ledger";
import type { CliIO } from "../../src/cli/io";
import { dayOf, parseDate } from "../../src/ledger/dates";
import { outputDir } from "../helpers/paths";

const day = (y: number, m: number, d: number) => ({ ok: true, day: dayOf(y, m, d) });

test.each([
  ["2025-03-10", day(2025, 3, 10)],
  ["2025-03-10 09:30", day(2025, 3, 10)],
  ["2025/3/10 23:59:59", day(2025, 3, 10)],
  ["2025-03-10T00:00:00", day(2025, 3, 10)],
  ["2025年3月10日", day(2025, 3, 10)],
])("%s is a date", (text, want) => {
  expect(parseDate(text)).toEqual(want);
});

test.each(["2025-03-10 25:99", "2025-03-10 24:00", "2025-03-10 12:60", "2025-03-10 12:30:60", "2025-02-30", "2025-13-01", "2025-00-10", "20250230"])(
  "%s is refused as no date, quoted as written",
  (text) => {
    expect(parseDate(text)).toEqual({ ok: false, shown: text });
  },
);

test("through the ledger command: a row received on 2025-03-10 25:99 is named, not counted; --today refuses it too", async () => {
  const dir = outputDir("ledger-dates");
  const file = path.join(dir, "r.csv");
  writeFileSync(file, ["序号,受理时间,申请人类别,申请人姓名,所需信息,答复时间,答复类型,是否延期", "1,2025-03-10 25:99,自然人,张三,x,2025-03-20,予以公开,否"].join("\r\n"));
  const out: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: () => undefined, cwd: dir };
  await ledgerRun(["r.csv", "--year", "2025", "--json"], io);
  const j = JSON.parse(out.join(""));
  expect(j.cells["T3.R01.C1"]).toBe(0);
  expect(j.findings.map((f: { message: string }) => f.message).join("\n")).toContain("2025-03-10 25:99");
  const refused: string[] = [];
  expect(await ledgerRun(["r.csv", "--year", "2025", "--today", "2025-11-03 25:99"], { out: () => undefined, err: (t) => refused.push(t), cwd: dir })).toBe(2);
  expect(refused.join("")).toContain("--today 的值");
});

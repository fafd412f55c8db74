/**
 * A title set on two lines between its phrases ("平潭综合实验区2022年度" / "政府信息公开工作年度报告",
 * as the Word export and many published documents break it) is read as one title.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { importReport } from "../../src/import";
import { FIXTURES } from "../helpers/paths";

test("agency and year above, the document kind below: one title, agency and year read", async () => {
  const seed = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  const split = seed.replace("# 三门峡市湖滨区前进街道办事处 2023 年政府信息公开工作年度报告", "三门峡市湖滨区前进街道办事处 2023 年\n政府信息公开工作年度报告");
  expect(split).not.toBe(seed);
  const res = await importReport({ name: "report.txt", data: new TextEncoder().encode(split) });
  expect(res.report.meta).toMatchObject({ agency: "三门峡市湖滨区前进街道办事处", year: 2023 });
  expect(res.report.opening ?? "").not.toContain("政府信息公开工作年度报告");
});

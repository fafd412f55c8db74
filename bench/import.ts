/** Figures of the importer: parsing the seed text report (the common paste-and-import case). */
import { readFileSync } from "node:fs";
import path from "node:path";
import { readText } from "../src/import";
import { FIXTURES } from "../test/helpers/paths";
import { medianMs } from "./stats";

export async function bench(): Promise<Record<string, number>> {
  const seed = readFileSync(path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt"), "utf8");
  const parseSeedMs = await medianMs(50, () => readText(seed), 10);
  return { parseSeedMs };
}

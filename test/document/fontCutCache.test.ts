/**
 * Faces kept between exports (src/document/fontCutCacheNode.ts): a later export drawing only
 * kept characters draws with the kept faces and looks the same as with the whole faces; the kept
 * faces grow with each report up to a bound; a kept face is refused when the face it was cut from
 * changed, its bytes were damaged, or it lacks a character; a cache that cannot be written never
 * stops an export.
 */
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildDocument } from "../../src/document/build";
import { fontFacts } from "../../src/document/cmap";
import { FONT_ROLES, PDF_FONT_FILES, type UsedChars } from "../../src/document/fonts";
import { fontSourceFromDir, loadFontsFromDir } from "../../src/document/fontsNode";
import { startFontFitter } from "../../src/document/fontFitWorkerNode";
import { KEEP_MAX_CHARS, cutWithKept, keepFace, keptFace, keptFaces, keptOf, toKeep } from "../../src/document/fontCutCacheNode";
import { coverageOf, drawPdf, pdfDefinition, toPdf, usedChars } from "../../src/document/pdf";
import { loadReportFile } from "../../src/cli/load";
import type { Report } from "../../src/report";
import { FIXTURES } from "../helpers/paths";
import { lookDifferences } from "./samePdf";
import { FONTS_DIR, richReport } from "./support";

jest.setTimeout(120_000);

const SANMENXIA = path.join(FIXTURES, "2023-sanmenxia-hubin-qianjin.txt");
const OTHER = path.join(FIXTURES, "real", readdirSync(path.join(FIXTURES, "real")).filter((f) => f.endsWith(".html"))[0]!);

async function report(file: string): Promise<Report> {
  const loaded = await loadReportFile(file);
  if (!loaded.ok) throw new Error(loaded.error);
  return loaded.report;
}

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "xxgk-cutcache-"));
});
afterEach(() => {
  chmodSync(tmp, 0o700);
  rmSync(tmp, { recursive: true, force: true });
});

const usedBy = async (r: Report): Promise<UsedChars> => usedChars(pdfDefinition(buildDocument(r), coverageOf(await loadFontsFromDir())));

/** One export's fonts as the CLI gets them: kept faces if they serve, else the worker's cut (kept for next time). */
async function cliFaces(cacheDir: string, used: UsedChars): Promise<{ kept: boolean; faces: Awaited<ReturnType<typeof loadFontsFromDir>> }> {
  const kept = keptFaces(cacheDir, FONTS_DIR, used);
  if (kept) return { kept: true, faces: kept };
  return { kept: false, faces: await startFontFitter(FONTS_DIR, { cacheDir }).faces(used) };
}

test("a second export of a report draws with the faces the first one kept, and looks the same", async () => {
  const cacheDir = path.join(tmp, "cache");
  const r = await report(SANMENXIA);
  const used = await usedBy(r);
  expect(keptFaces(cacheDir, FONTS_DIR, used)).toBeNull();
  const first = await cliFaces(cacheDir, used);
  expect(first.kept).toBe(false);
  // Kept: one file per role that drew something, each a cut face far smaller than the whole.
  expect(readdirSync(cacheDir).sort()).toEqual(FONT_ROLES.filter((role) => used[role].size > 0).map((role) => `font-cut-${role}.bin`).sort());
  const second = await cliFaces(cacheDir, used);
  expect(second.kept).toBe(true);
  const whole = await loadFontsFromDir();
  for (const role of ["fang", "title"] as const) expect(second.faces[role].byteLength).toBeLessThan(whole[role].byteLength / 10);
  const doc = buildDocument(r);
  const drawn = await drawPdf(doc, fontSourceFromDir(FONTS_DIR, async (u) => keptFaces(cacheDir, FONTS_DIR, u) ?? Promise.reject(new Error("miss"))));
  expect(lookDifferences(await toPdf(doc, whole), drawn)).toEqual([]);
});

test("kept faces grow with each report, so a report drawing what two earlier ones drew is served", async () => {
  const cacheDir = path.join(tmp, "cache");
  const a = await usedBy(await report(SANMENXIA));
  const b = await usedBy(await report(OTHER));
  const newInB = [...b.fang].filter((cp) => !a.fang.has(cp));
  expect(newInB.length).toBeGreaterThan(20);
  await cliFaces(cacheDir, a);
  expect(keptFaces(cacheDir, FONTS_DIR, b)).toBeNull();
  expect((await cliFaces(cacheDir, b)).kept).toBe(false);
  // Now the kept 仿宋 maps both reports' characters, and either report is served.
  const fang = fontFacts(keptFace(cacheDir, FONTS_DIR, "fang")!);
  expect([...a.fang, ...b.fang].filter((cp) => !fang.has(cp))).toEqual([]);
  expect(keptFaces(cacheDir, FONTS_DIR, a)).not.toBeNull();
  expect(keptFaces(cacheDir, FONTS_DIR, b)).not.toBeNull();
  // A report with every cell filled and more text than either, drawn from the kept and new cuts.
  const rich = buildDocument(richReport());
  const source = fontSourceFromDir(FONTS_DIR, (u) => cliFaces(cacheDir, u).then((x) => x.faces));
  expect(lookDifferences(await toPdf(rich, await loadFontsFromDir()), await drawPdf(rich, source))).toEqual([]);
});

test("the kept characters are bounded: past KEEP_MAX_CHARS a face is cut for its report alone", () => {
  const many = new Set(Array.from({ length: KEEP_MAX_CHARS }, (_, i) => 0x4e00 + i));
  const used = new Set([0x3000, 0x3001]);
  expect(toKeep(used, new Set([0x4e00])).size).toBe(3);
  expect(toKeep(used, many)).toBe(used);
  expect(toKeep(new Set(), many).size).toBe(0);
});

test("a kept face is refused when its whole face changed, its bytes were damaged, or it lacks a character", async () => {
  const fontsDir = path.join(tmp, "fonts");
  mkdirSync(fontsDir);
  for (const role of FONT_ROLES) copyFileSync(path.join(FONTS_DIR, PDF_FONT_FILES[role]), path.join(fontsDir, PDF_FONT_FILES[role]));
  const cacheDir = path.join(tmp, "cache");
  const used = await usedBy(await report(SANMENXIA));
  const fonts = await loadFontsFromDir(fontsDir);
  const cut = cutWithKept(fonts, used, keptOf(cacheDir, fontsDir));
  expect(cut.fresh.sort()).toEqual(FONT_ROLES.filter((role) => used[role].size > 0).sort());
  for (const role of cut.fresh) keepFace(cacheDir, fontsDir, role, cut.faces[role]);
  expect(keptFaces(cacheDir, fontsDir, used)).not.toBeNull();
  // Kept for one fonts folder, never served for another (the shipped one).
  expect(keptFace(cacheDir, FONTS_DIR, "fang")).toBeNull();

  // A character the kept 仿宋 was not cut for: a miss, and the next cut keeps it too.
  const more: UsedChars = { ...used, fang: new Set([...used.fang, "赜".codePointAt(0)!]) };
  expect(keptFaces(cacheDir, fontsDir, more)).toBeNull();
  const grown = cutWithKept(fonts, more, keptOf(cacheDir, fontsDir));
  expect(grown.fresh).toEqual(["fang"]);
  expect(fontFacts(grown.faces.fang).has("赜".codePointAt(0)!)).toBe(true);

  // Damaged bytes (one flipped in the face): refused by its hash.
  const entry = path.join(cacheDir, "font-cut-hei.bin");
  const bytes = readFileSync(entry);
  const at = bytes.length - 100;
  bytes[at] = bytes[at]! ^ 0xff;
  writeFileSync(entry, bytes);
  expect(keptFace(cacheDir, fontsDir, "hei")).toBeNull();
  expect(keptFaces(cacheDir, fontsDir, used)).toBeNull();
  writeFileSync(entry, "not a cache entry");
  expect(keptFace(cacheDir, fontsDir, "hei")).toBeNull();

  // The whole face replaced (another modification time): every kept cut of it is stale.
  expect(keptFace(cacheDir, fontsDir, "title")).not.toBeNull();
  utimesSync(path.join(fontsDir, PDF_FONT_FILES.title), new Date(), new Date(Date.now() - 86_400_000));
  expect(keptFace(cacheDir, fontsDir, "title")).toBeNull();
});

test("a cache folder that cannot be written: the export goes on, cutting each time", async () => {
  if (process.getuid?.() === 0) {
    // root writes anywhere: a file where the folder should be stands in for a read-only folder.
    const cacheDir = path.join(tmp, "cache");
    writeFileSync(cacheDir, "a file, not a folder");
    await expectCuttingEachTime(cacheDir);
  } else {
    const cacheDir = path.join(tmp, "cache");
    mkdirSync(cacheDir);
    chmodSync(cacheDir, 0o500);
    await expectCuttingEachTime(cacheDir);
  }
});

async function expectCuttingEachTime(cacheDir: string): Promise<void> {
  const r = await report(SANMENXIA);
  const used = await usedBy(r);
  const fonts = await loadFontsFromDir();
  for (let i = 0; i < 2; i++) {
    const got = await cliFaces(cacheDir, used);
    expect(got.kept).toBe(false);
    for (const role of FONT_ROLES) for (const cp of used[role]) expect([role, cp, fontFacts(got.faces[role]).has(cp)]).toEqual([role, cp, true]);
  }
  const doc = buildDocument(r);
  const source = fontSourceFromDir(FONTS_DIR, (u) => cliFaces(cacheDir, u).then((x) => x.faces));
  expect(lookDifferences(await toPdf(doc, fonts), await drawPdf(doc, source))).toEqual([]);
}

/**
 * Shared by the export tests: reports to export, the label list derived from src/report, and
 * real-tool helpers (poppler, LibreOffice with a deterministic fontconfig).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { FORMATS, emptyReport, cellsOf, t4Key, formatLabels, type Report } from "../../src/report";

export { formatLabels };
import { consistentReport, TEXT_SECTIONS } from "../support/reports";
import { PROJECT_ROOT } from "../helpers/paths";

export const FONTS_DIR = path.join(PROJECT_ROOT, "assets", "fonts");

const OPENING = (year: number) =>
  `根据《中华人民共和国政府信息公开条例》规定，特发布本报告。本报告所列数据统计期限为${year}年1月1日至12月31日。`;

/** Long enough for several full lines: checks 28 characters per line and the 28.95 pt pitch. */
export const LONG_PARAGRAPH =
  "政府信息公开工作仍存在一些不足，主要是主动公开的深度和广度还需拓展，政策解读的形式较为单一，" +
  "依申请公开办理的规范化水平有待提升。下一步，我们将完善信息发布机制，丰富政策解读形式，" +
  "加强业务培训，提升政府信息公开工作质量和实效，更好地保障人民群众的知情权、参与权和监督权。";

function withText(r: Report): Report {
  r.sections = structuredClone(TEXT_SECTIONS);
  r.sections.S1!.text = [
    "（一）主动公开。本年度依法主动公开政府信息，持续推进政务公开标准化规范化建设，及时发布政策文件和工作动态。",
    "（二）依申请公开",
    "严格按照条例规定的期限答复申请，答复内容规范，告知救济途径。",
    "1.规范办理流程。严格执行登记、审核、答复制度。",
    "（三）政府信息管理。做好公开前保密审查，动态调整公开目录。",
  ].join("\n");
  r.sections.S5!.text = LONG_PARAGRAPH;
  return r;
}

/** The seed-like report: every cell 0, except one case of 未经复议直接起诉 (T4.C06 = T4.C10 = 1). */
export function seedReport(year = 2023): Report {
  const r = emptyReport("2021", { year, agency: "某某街道办事处", title: `某某街道办事处${year}年政府信息公开工作年度报告` });
  for (const c of cellsOf("2021")) r.cells[c.key] = 0;
  r.cells[t4Key("C06")] = 1;
  r.cells[t4Key("C10")] = 1;
  r.opening = OPENING(year);
  return withText(r);
}

/** A consistent report where (almost) every cell is a distinct non-zero number, plus a fee in 万元. */
export function richReport(year = 2023): Report {
  let x = 7;
  const next = (lo: number, hi: number) => {
    x = (x * 48271) % 2147483647;
    return lo + (x % (hi - lo + 1));
  };
  const r = consistentReport(
    {
      t3: Array.from({ length: 6 }, () => Array.from({ length: 22 }, () => next(1, 60))),
      carried: Array.from({ length: 6 }, () => next(1, 9)),
      t4: Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => next(1, 9))),
      t2: Array.from({ length: 10 }, () => next(1, 900)),
    },
    year,
  );
  r.cells["T2.R6.C1"] = 12.345678;
  r.opening = OPENING(year);
  return withText(r);
}


// ---------------------------------------------------------------- docx

export function docxPart(bytes: Uint8Array, name: string): string {
  const files = unzipSync(bytes);
  const f = files[name];
  if (!f) throw new Error(`${name} not in docx (have ${Object.keys(files).join(", ")})`);
  return strFromU8(f);
}

export function docxParts(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

export const count = (s: string, re: RegExp): number => (s.match(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g")) ?? []).length;

// ---------------------------------------------------------------- LibreOffice

/** A fontconfig file mapping the Chinese font names in the .docx to the fonts we ship (notes §8). */
export function fontconfigFile(dir: string): string {
  const file = path.join(dir, "fonts.conf");
  const alias = (from: string, to: string) =>
    `<match target="pattern"><test name="family"><string>${from}</string></test>` +
    `<edit name="family" mode="assign" binding="strong"><string>${to}</string></edit></match>`;
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${FONTS_DIR}</dir>
  <cachedir>${path.join(dir, "fc-cache")}</cachedir>
  ${alias("仿宋_GB2312", "FandolFang R")}
  ${alias("黑体", "FandolHei")}
  ${alias("楷体_GB2312", "FandolKai")}
  ${alias("宋体", "FandolSong")}
  ${alias("Times New Roman", "Liberation Serif")}
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>
</fontconfig>
`,
  );
  return file;
}

/** docx → PDF with LibreOffice headless, in its own profile, with deterministic fonts. */
export function libreOfficeToPdf(docx: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const profile = path.join(outDir, ".lo-profile");
  const env = { ...process.env, FONTCONFIG_FILE: fontconfigFile(outDir), HOME: outDir };
  const r = spawnSync("soffice", ["--headless", `-env:UserInstallation=file://${profile}`, "--convert-to", "pdf", "--outdir", outDir, docx], {
    env,
    encoding: "utf8",
    timeout: 120_000,
  });
  const pdf = path.join(outDir, path.basename(docx).replace(/\.docx$/, ".pdf"));
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
  return pdf;
}

// ---------------------------------------------------------------- poppler

export function pdfInfo(pdf: string): { pages: number; sizes: string[]; raw: string } {
  const raw = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(raw)?.[1]);
  const sizes = [...raw.matchAll(/^Page\s+\d+ size:\s+(.*)$/gm)].map((m) => m[1]!);
  return { pages, sizes, raw };
}

export interface PdfFont {
  name: string;
  type: string;
  emb: boolean;
  sub: boolean;
  uni: boolean;
}

export function pdfFonts(pdf: string): PdfFont[] {
  const lines = execFileSync("pdffonts", [pdf], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type… encoding emb sub uni objectID gen: read flags from the end.
    const n = cols.length;
    return { name: cols[0]!, type: cols.slice(1, n - 6).join(" "), emb: cols[n - 5] === "yes", sub: cols[n - 4] === "yes", uni: cols[n - 3] === "yes" };
  });
}

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** Words with their boxes (pdftotext -bbox), pages from 1. */
export function pdfWords(pdf: string): { words: Word[]; pageHeights: number[] } {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const words: Word[] = [];
  const pageHeights: number[] = [];
  let page = 0;
  const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  for (const line of xml.split("\n")) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page++;
      pageHeights.push(Number(p[2]));
      continue;
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (w) words.push({ page, xMin: +w[1]!, yMin: +w[2]!, xMax: +w[3]!, yMax: +w[4]!, text: unescape(w[5]!) });
  }
  return { words, pageHeights };
}

/**
 * Text blocks as a reader sees them: a word continues the block directly above it when it starts
 * just below that block's last line and overlaps it horizontally. This puts the lines of a wrapped
 * table cell back together ("社会公" + "益组织"), which plain pdftotext interleaves with the
 * neighbouring cells.
 */
export function textBlocks(words: Word[]): string[] {
  interface Chain {
    page: number;
    last: Word;
    text: string;
  }
  const sorted = [...words].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
  const chains: Chain[] = [];
  for (const w of sorted) {
    const h = w.yMax - w.yMin;
    let best: Chain | null = null;
    for (const c of chains) {
      if (c.page !== w.page) continue;
      const gap = w.yMin - c.last.yMax;
      const overlap = Math.min(w.xMax, c.last.xMax) - Math.max(w.xMin, c.last.xMin);
      if (gap >= -0.5 && gap <= h * 0.55 && overlap > 0 && (!best || c.last.yMax > best.last.yMax)) best = c;
    }
    if (best) {
      best.text += w.text;
      best.last = w;
    } else chains.push({ page: w.page, last: w, text: w.text });
  }
  return chains.map((c) => c.text);
}

/** Lines of text: words on the same baseline joined (LibreOffice splits runs at font changes). */
export function textLines(words: Word[]): string[] {
  const lines = new Map<string, Word[]>();
  for (const w of words) {
    const k = `${w.page}|${Math.round(w.yMax)}`;
    lines.set(k, [...(lines.get(k) ?? []), w]);
  }
  return [...lines.values()].map((ws) =>
    ws
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => w.text)
      .join(""),
  );
}

/** Numeric words in reading order (page, line, left to right), page footers excluded. */
export function numbersInOrder(words: Word[], pageHeights: number[], footerFromBottomPt = 99): string[] {
  return [...words]
    .filter((w) => w.yMin < pageHeights[w.page - 1]! - footerFromBottomPt && /^\d+(\.\d+)?$/.test(w.text))
    .sort((a, b) => a.page - b.page || Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)
    .map((w) => w.text);
}

/** Render pages to PNG; returns poppler's stderr (must not contain font or syntax errors). */
export function renderPng(pdf: string, prefix: string, dpi = 60): string {
  const r = spawnSync("pdftoppm", ["-r", String(dpi), "-png", pdf, prefix], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr}`);
  return r.stderr;
}

/**
 * Table 4 is not alone on its page: the page holding its last group's header label also holds the
 * heading of the section after it (五) or of 表三's section before it — labels from the format.
 */
export function table4SharesItsPage(words: Word[]): boolean {
  const f = FORMATS["2021"];
  const groups = f.table4.groups;
  const lastGroup = groups[groups.length - 1]!.path.at(-1)!;
  const page = words.find((w) => w.text.includes(lastGroup))?.page;
  if (page === undefined) return false;
  const onPage = words.filter((w) => w.page === page).map((w) => w.text).join("");
  const t4 = f.sections.findIndex((s) => s.table === 4);
  return [f.sections[t4 + 1]!.heading, f.sections[t4 - 1]!.heading].some((h) => onPage.includes(h));
}

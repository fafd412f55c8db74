/**
 * The title line and what it says: "三门峡市湖滨区前进街道办事处 2023 年政府信息公开工作年度报告" →
 * agency 三门峡市湖滨区前进街道办事处, year 2023.
 */
import { toHalfWidth } from "../report";
import { cleanText } from "./labels";

const MAX_TITLE = 120;
const YEAR = /((?:19|20|21)\d{2})\s*年/;
const CN_DIGITS = "〇一二三四五六七八九";

/** "二〇二三年" → "2023年"; full-width digits → ASCII. */
function normaliseYear(text: string): string {
  return toHalfWidth(text).replace(/[〇○零一二三四五六七八九]{4}(?=\s*年)/g, (m) =>
    [...m].map((ch) => String(Math.max(0, CN_DIGITS.indexOf(ch === "○" || ch === "零" ? "〇" : ch)))).join(""),
  );
}

export function isTitleLike(text: string): boolean {
  const t = cleanText(text);
  return t.length >= 6 && t.length <= MAX_TITLE && /报告|年报/.test(t) && YEAR.test(normaliseYear(t)) && !/。/.test(t);
}

export interface TitleMeta {
  title: string;
  agency: string | null;
  year: number | null;
}

export function parseTitle(text: string): TitleMeta {
  const cleaned = cleanText(text);
  // "关于印发《某局2023年政府信息公开工作年度报告》的通知": the report's own title is inside.
  const quoted = /[《〈]([^》〉]*报告)[》〉]/.exec(cleaned);
  const title = quoted ? quoted[1]! : cleaned;
  const t = normaliseYear(title);
  const m = YEAR.exec(t);
  if (!m) return { title, agency: null, year: null };
  const year = Number(m[1]);
  let agency = t.slice(0, m.index).replace(/(关于)?\s*$/, "").trim();
  if (!agency) {
    // "2023年某某局政府信息公开工作年度报告": the agency follows the year.
    const after = t.slice(m.index + m[0].length).replace(/^度/, "");
    const cut = after.search(/政府信息公开|政务公开|信息公开/);
    agency = (cut > 0 ? after.slice(0, cut) : "").trim();
  }
  return { title, agency: agency || null, year: year >= 1990 && year <= 2200 ? year : null };
}

/** Split a page title ("报告名_栏目_网站") and keep the part that is the report's title. */
export function titleFromPageTitle(text: string): string | null {
  const parts = text.split(/\s*(?:_|\||｜| - | — | – )\s*/);
  return parts.find(isTitleLike) ?? null;
}

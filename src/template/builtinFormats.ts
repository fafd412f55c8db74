/**
 * Number formats Excel and WPS in a Chinese locale write by id alone, without a <numFmt> entry:
 * ids 27–36 and 50–58 are dates and times (ECMA-376 Part 1 §18.8.30, zh-CN). ExcelJS knows only
 * the locale-neutral ids, so a date typed in a Chinese Excel would reach the rules as a serial
 * number (44927). Declaring those ids in styles.xml before ExcelJS reads it keeps them dates.
 */
const CJK_DATE_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: 'AM/PM h"时"mm"分"', 35: 'AM/PM h"时"mm"分"ss"秒"', 36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"', 54: 'm"月"d"日"', 55: 'AM/PM h"时"mm"分"',
  56: 'AM/PM h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"', 58: 'm"月"d"日"',
};

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** styles.xml with a <numFmt> for every CJK built-in date id its cell formats use but do not declare. */
export function declareCjkDateFormats(styles: string): string {
  const declared = new Set([...styles.matchAll(/<numFmt\b[^>]*\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const used = new Set([...styles.matchAll(/<xf\b[^>]*\bnumFmtId="(\d+)"/g)].map((m) => Number(m[1])));
  const missing = [...used].filter((id) => CJK_DATE_FORMATS[id] && !declared.has(id));
  if (missing.length === 0) return styles;
  const entries = missing.map((id) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(CJK_DATE_FORMATS[id]!)}"/>`).join("");
  if (/<numFmts\b[^>]*\/>/.test(styles)) return styles.replace(/<numFmts\b[^>]*\/>/, `<numFmts count="${missing.length}">${entries}</numFmts>`);
  if (/<numFmts\b[^>]*>/.test(styles)) return styles.replace(/<numFmts\b([^>]*)>/, (_m, attrs: string) => `<numFmts${attrs.replace(/\s*count="\d+"/, "")} count="${declared.size + missing.length}">${entries}`);
  return styles.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${missing.length}">${entries}</numFmts>`);
}

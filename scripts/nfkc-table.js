/**
 * The NFKC fallback's table for IE11, which has no String.prototype.normalize: every character of
 * the blocks Chinese government text and its labels draw compatibility forms from (Latin-1,
 * punctuation, letterlike and number forms, circled numbers, Kangxi radicals, CJK symbols,
 * enclosed and compatibility CJK, vertical, small and full-width forms), mapped as Node's own
 * NFKC maps it. Computed at build time (webpack DefinePlugin), so it follows Node's Unicode data.
 * Output: "c1m1\u0000c2m2\u0000…" pairs split by NUL, the first UTF-16 unit being the character.
 */
"use strict";
const BLOCKS = [
  [0x00a0, 0x00ff], // Latin-1 supplement: no-break space, ², ¼ …
  [0x2000, 0x209f], // general punctuation, super- and subscripts
  [0x2100, 0x218f], // letterlike symbols, number forms (Ⅰ Ⅱ Ⅲ)
  [0x2460, 0x24ff], // enclosed alphanumerics (① ⑴ ⒈)
  [0x2e80, 0x2fdf], // CJK radicals supplement, Kangxi radicals (⼀ → 一)
  [0x3000, 0x303f], // CJK symbols and punctuation (ideographic space)
  [0x3200, 0x33ff], // enclosed CJK (㈠ → (一)), CJK compatibility
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe1f], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xffef], // half-width and full-width forms
];

function nfkcTable() {
  const pairs = [];
  for (const [from, to] of /** @type {[number, number][]} */ (BLOCKS)) {
    for (let c = from; c <= to; c++) {
      const s = String.fromCharCode(c);
      const n = s.normalize("NFKC");
      if (n !== s) pairs.push(s + n);
    }
  }
  return pairs.join("\u0000");
}

module.exports = { nfkcTable, BLOCKS };

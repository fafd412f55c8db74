#!/usr/bin/env bash
# Build the CJK font subsets the PDF export embeds (committed under assets/fonts/).
#
# Why: pdfmake needs real OTF/TTF files; no npm package ships a usable 仿宋/楷体, and the Founder
# fonts named in the .docx (方正小标宋简体, 仿宋_GB2312 …) must never be shipped. We substitute free
# fonts (docs/export.md) and cut them down to GB2312 so the add-in downloads ~16 MB once, not ~70 MB.
#
# Sources (Debian bookworm packages; the script is reproducible from them):
#   texlive-lang-chinese 2022.20230122-1  Fandol Fang/Hei/Kai/Song 0.3 (GPL-3 + font exception)
#                                         fetched with `apt-get download` (no TeX install needed)
#   fonts-noto-cjk 1:20220127+repack1-1   NotoSerifCJK-Bold.ttc, face 2 = Noto Serif CJK SC Bold (OFL-1.1)
# Tools: hb-subset (libharfbuzz-bin), python3 with fontTools (python3-fonttools / fonttools), dpkg-deb.
#
# Character sets (see assets/fonts/README.md for the measured sizes):
#   full = ASCII + GB2312 symbols (rows 1–9, 682) + level-1 (3,755) + level-2 (3,008) hanzi + EXTRA
#   l1   = ASCII + GB2312 symbols + level-1 hanzi + EXTRA
#   FandolFang (body, tables, and the per-run fallback of every other face) gets `full`;
#   Noto Serif SC Bold (title: agency names are often place names, rich in level-2 hanzi) gets `full`;
#   FandolHei (一、 headings) and FandolKai (（一） headings) get `l1`: a rarer character in a heading
#   falls back to FandolFang for that run (src/document/glyphs.ts), never to an empty box;
#   FandolSong renders only the page numbers "— 12 —", so it keeps digits and dashes.
#
# Usage: scripts/build-fonts.sh            (downloads texlive-lang-chinese into a temp dir)
#        FANDOL_DIR=/path/to/fandol scripts/build-fonts.sh
#        NOTO_TTC=/path/NotoSerifCJK-Bold.ttc OUT=assets/fonts scripts/build-fonts.sh
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${OUT:-$ROOT/assets/fonts}"
NOTO_TTC="${NOTO_TTC:-/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# A python3 that has fontTools (pyenv shims often lack it; Debian's /usr/bin/python3 has it).
PYTHON="${PYTHON:-}"
for p in ${PYTHON:-python3 /usr/bin/python3}; do
  if "$p" -c 'import fontTools' 2>/dev/null; then PYTHON="$p"; break; fi
done
"$PYTHON" -c 'import fontTools' || { echo "需要安装 fontTools（apt-get install python3-fonttools）" >&2; exit 1; }
command -v hb-subset >/dev/null || { echo "需要安装 hb-subset（apt-get install libharfbuzz-bin）" >&2; exit 1; }

if [ -z "${FANDOL_DIR:-}" ]; then
  (cd "$WORK" && apt-get download texlive-lang-chinese >/dev/null && dpkg -x texlive-lang-chinese_*.deb x)
  FANDOL_DIR="$WORK/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
  FANDOL_DOC="$WORK/x/usr/share/doc/texlive-doc/fonts/fandol"
fi
FANDOL_DOC="${FANDOL_DOC:-$FANDOL_DIR}"
[ -f "$NOTO_TTC" ] || { echo "找不到 $NOTO_TTC（apt-get install fonts-noto-cjk）" >&2; exit 1; }

mkdir -p "$OUT/licenses"

# Character lists, generated from the GB2312 code table itself (not typed in).
"$PYTHON" - "$WORK" <<'PY'
import sys
work = sys.argv[1]
def rows(his):
    out = []
    for hi in his:
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out
ascii_ = [chr(c) for c in range(0x20, 0x7F)]
symbols = rows(range(0xA1, 0xAA))
level1 = rows(range(0xB0, 0xD8))
level2 = rows(range(0xD8, 0xF8))
assert (len(symbols), len(level1), len(level2)) == (682, 3755, 3008), (len(symbols), len(level1), len(level2))
# Common symbols outside (or mapped differently from) GB2312 that Chinese documents use:
# em dash U+2014 (GB2312 A1AA decodes to U+2015 in Python), middle dots, ellipsis, ideographic space,
# full-width tilde, per-mille, numero, bullets, white/black circles and squares, 〇.
extra = list("\u2014\u2015\u2013\u00b7\u2022\u2027\u30fb\u2026\u3000\u00a0\uff5e\u2030\u2116\u25cf\u25cb\u25a0\u25a1\u3007\u00d7\u00f7\u2018\u2019\u201c\u201d\u2103")
def write(name, chars):
    seen = dict.fromkeys(chars)
    open(f"{work}/{name}.txt", "w", encoding="utf-8").write("".join(seen))
    print(f"{name}: {len(seen)} code points")
write("full", ascii_ + symbols + level1 + level2 + extra)
write("l1", ascii_ + symbols + level1 + extra)
write("pagenum", list("0123456789 -\u2014\u2013"))
PY

# The SC face of the Noto Serif CJK collection; check the name so a repacked TTC cannot swap faces.
"$PYTHON" - "$NOTO_TTC" "$WORK/NotoSerifCJKsc-Bold.otf" <<'PY'
import sys
from fontTools.ttLib import TTCollection
coll = TTCollection(sys.argv[1])
face = coll.fonts[2]
name = face["name"].getDebugName(4)
assert name == "Noto Serif CJK SC Bold", name
face.recalcTimestamp = False  # keep head.modified from the source: byte-identical rebuilds
face.save(sys.argv[2])
PY

# The character lists are committed too: they say exactly what each subset promises (tests read them).
mkdir -p "$OUT/charsets"
for c in full l1 pagenum; do cp "$WORK/$c.txt" "$OUT/charsets/$c.txt"; done

subset() { # source, charset, output
  hb-subset --font-file="$1" --text-file="$WORK/$2.txt" --layout-features='*' --output-file="$OUT/$3"
}
subset "$FANDOL_DIR/FandolFang-Regular.otf" full FandolFang-Regular.gb2312.otf
subset "$FANDOL_DIR/FandolHei-Regular.otf" l1 FandolHei-Regular.gb2312-l1.otf
subset "$FANDOL_DIR/FandolKai-Regular.otf" l1 FandolKai-Regular.gb2312-l1.otf
subset "$FANDOL_DIR/FandolSong-Regular.otf" pagenum FandolSong-Regular.pagenum.otf
subset "$WORK/NotoSerifCJKsc-Bold.otf" full NotoSerifCJKsc-Bold.gb2312.otf

# Licences beside the fonts (GPL font exception: ship COPYING and say where the source is).
if [ -f "$FANDOL_DOC/COPYING.gz" ]; then zcat "$FANDOL_DOC/COPYING.gz" >"$OUT/licenses/Fandol-COPYING.txt"; fi
if [ -f "$FANDOL_DOC/README" ]; then cp "$FANDOL_DOC/README" "$OUT/licenses/Fandol-README.txt"; fi
# The OFL text as Debian ships it (de-indented from the copyright file), with the font's own notice.
"$PYTHON" - "$WORK/NotoSerifCJKsc-Bold.otf" /usr/share/doc/fonts-noto-cjk/copyright "$OUT/licenses/Noto-OFL.txt" <<'PY'
import sys
from fontTools.ttLib import TTFont
notice = TTFont(sys.argv[1])["name"].getDebugName(0)
lines = open(sys.argv[2], encoding="utf-8").read().splitlines()
start = lines.index("License: SIL-1.1", lines.index("License: SIL-1.1") + 1)
body = []
for line in lines[start + 1:]:
    if line and not line.startswith(" "):
        break
    body.append("" if line.strip() == "." else line[1:])
open(sys.argv[3], "w", encoding="utf-8").write(notice + "\n\n" + "\n".join(body).strip() + "\n")
PY

(cd "$OUT" && ls -l ./*.otf && sha256sum ./*.otf >SHA256SUMS)

/**
 * The PDF's fonts as an export uses them: first what each face maps (the glyph check and the
 * choice of a font for each character need only that), then the faces themselves, once the PDF
 * knows which characters it draws. The add-in holds the faces' bytes already (fontSourceOf); the
 * CLI reads only each face's cmap and draws with faces its worker cut to the report's characters
 * (fontsNode.ts fontSourceFromDir).
 */
import { coverageOf } from "./cmap";
import type { FitFonts, FontBytes, UsedChars } from "./fonts";
import type { Coverage } from "./glyphs";

export interface FontSource {
  coverage: Coverage;
  /**
   * The faces for a PDF that draws `used`: cut to it, or whole. Each must map what the coverage
   * says it maps, for every character of `used`.
   */
  faces(used: UsedChars): Promise<FontBytes>;
}

/** Faces already in memory, cut by `fit` when given (a failing cut draws with the whole faces). */
export function fontSourceOf(fonts: FontBytes, fit?: FitFonts): FontSource {
  return {
    coverage: coverageOf(fonts),
    faces: (used) => (fit ? Promise.resolve(used).then((u) => fit(fonts, u)).catch(() => fonts) : Promise.resolve(fonts)),
  };
}

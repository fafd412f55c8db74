/**
 * The template .xlsx generated at build time (scripts/build-template.ts), as base64 for
 * workbook.insertWorksheetsFromBase64. Loaded lazily: webpack puts the ~45 KB string in its own
 * chunk, fetched only when the clerk inserts the template.
 */
export async function loadBundledTemplate(): Promise<string> {
  const m = await import(/* webpackChunkName: "template" */ "./generated/templateBase64");
  return m.TEMPLATE_BASE64;
}

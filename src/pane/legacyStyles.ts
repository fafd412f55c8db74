/**
 * IE11 drops every declaration that uses var(--…), which leaves the pane unstyled: the ES5 bundle
 * points each of our stylesheet links at its generated twin (name-legacy.css, light theme values
 * filled in; scripts/legacy-css.js). Only the ES5 bundle calls this, and it runs only where
 * nomodule scripts run (IE11) or on a page made to load it.
 */
const SHEETS = ["taskpane.css", "workbench.css"];

export function useLegacyStylesheets(doc: Document): number {
  let swapped = 0;
  const links = doc.getElementsByTagName("link");
  for (let i = 0; i < links.length; i++) {
    const link = links[i]!;
    const href = link.getAttribute("href") ?? "";
    if (link.rel !== "stylesheet") continue;
    for (const sheet of SHEETS) {
      if (href === sheet || href.slice(-sheet.length - 1) === `/${sheet}`) {
        link.setAttribute("href", `${href.slice(0, -".css".length)}-legacy.css`);
        swapped++;
      }
    }
  }
  return swapped;
}

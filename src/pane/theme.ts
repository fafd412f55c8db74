/**
 * Light or dark, following Office.context.officeTheme. Excel gives no theme-change event to task
 * panes, so the theme is read once when the pane opens (Office reloads panes on theme change in
 * practice; a stale theme until then is harmless).
 */
export type ThemeName = "light" | "dark";

type ThemeLike = Partial<Pick<Office.OfficeTheme, "isDarkTheme" | "bodyBackgroundColor">> | null | undefined;

/** Relative luminance of a #rrggbb colour (WCAG), or null when it cannot be read. */
export function luminance(hex: string | undefined): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((hex ?? "").trim());
  if (!m) return null;
  const lin = (c: string) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(m[1]!) + 0.7152 * lin(m[2]!) + 0.0722 * lin(m[3]!);
}

export function themeOf(theme: ThemeLike): ThemeName {
  if (!theme) return "light";
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme ? "dark" : "light";
  // Older hosts lack isDarkTheme: judge by the pane background Office asks us to use.
  const l = luminance(theme.bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}

export function applyTheme(doc: Document, theme: ThemeLike): ThemeName {
  const name = themeOf(theme);
  doc.documentElement.setAttribute("data-theme", name);
  return name;
}

/** The five sheets of the template, by role (the clerk may rename the sheets, never the roles). */
export const TEMPLATE_ROLES = ["meta", "text", "t2", "t3", "t4"] as const;
export type TemplateRole = (typeof TEMPLATE_ROLES)[number];

export function isTemplateRole(s: string): s is TemplateRole {
  return (TEMPLATE_ROLES as readonly string[]).includes(s);
}

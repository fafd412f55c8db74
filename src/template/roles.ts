/** The sheets of the template, by role (the clerk may rename the sheets, never the roles). */
export const TEMPLATE_ROLES = ["meta", "text", "t2", "t3", "t4", "apps", "cases"] as const;
export type TemplateRole = (typeof TEMPLATE_ROLES)[number];

/** The registers (template version 3 on): 申请台账 and 复议诉讼台账. Older templates have none. */
export const REGISTER_ROLES = ["apps", "cases"] as const satisfies readonly TemplateRole[];
export type RegisterRole = (typeof REGISTER_ROLES)[number];

export function isTemplateRole(s: string): s is TemplateRole {
  return (TEMPLATE_ROLES as readonly string[]).includes(s);
}

export function isRegisterRole(s: string): s is RegisterRole {
  return (REGISTER_ROLES as readonly string[]).includes(s);
}

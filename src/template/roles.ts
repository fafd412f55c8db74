/** The sheets of the template, by role (the clerk may rename the sheets, never the roles). */
export const TEMPLATE_ROLES = ["meta", "text", "t2", "t3", "t4", "apps", "cases"] as const;
export type TemplateRole = (typeof TEMPLATE_ROLES)[number];

/** The registers (template version 3 on): the ledger owns them (src/ledger/sheets.ts). */
export { REGISTER_ROLES, type RegisterRole } from "../ledger/sheets";
import { REGISTER_ROLES, type RegisterRole } from "../ledger/sheets";
REGISTER_ROLES satisfies readonly TemplateRole[];

export function isTemplateRole(s: string): s is TemplateRole {
  return (TEMPLATE_ROLES as readonly string[]).includes(s);
}

export function isRegisterRole(s: string): s is RegisterRole {
  return (REGISTER_ROLES as readonly string[]).includes(s);
}

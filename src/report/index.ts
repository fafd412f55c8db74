/** The report format, its model and its rules: the single source of truth for everything else. */
export * from "./format";
export * from "./keys";
export * from "./values";
// Types only: the zod schemas (src/report/schema.ts) are the contract the tests hold every report and
// finding to; importing them at run time would load zod (~0.8 MB) into every CLI start and pane.
export type { Report, ReportMeta, Section, Severity, Finding } from "./schema";
export * from "./empty";
export * from "./labels";
export * from "./sumRules";
export * from "./rules";
export * from "./ruleContext";
export * from "./ruleRegistry";
export * from "./priorRules";
export * from "./textRules";
export * from "./priorSnapshot";
export { RULE_TITLES, msg } from "./messages";
export * from "./places";

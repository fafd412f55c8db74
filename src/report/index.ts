/** The report format, its model and its rules: the single source of truth for everything else. */
export * from "./format";
export * from "./keys";
export * from "./values";
export * from "./schema";
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

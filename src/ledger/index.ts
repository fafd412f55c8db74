/** The application register (申请台账) and the 复议诉讼台账: model, counting, deadlines, rules. Host-free. */
export * from "./vocabulary";
export * from "./dates";
export * from "./calendar";
export * from "./columns";
export * from "./headers";
export * from "./sheets";
export { readCell, type CellRead } from "./cells";
// Types only, as in src/report: the schemas are imported from ./model by the tests that validate.
export type { Application, Case, Register } from "./model";
export * from "./parse";
export * from "./count";
export * from "./deadline";
export * from "./rules";
export { LEDGER_MSG, rowName, linesList } from "./messages";
export * from "./csv";
export * from "./file";
export * from "./register";
export * from "./importPlan";
export * from "./carry";

/** The roll-up chunk (see ./rollupApi): loaded with import(), never statically. */
export { checkRules, mergeFindings } from "../workflow/check";
export { createRollup, rosterFromSheets } from "../workflow/rollup";
export { rollupWritePreview, rollupWrites } from "../workflow/rollup/apply";

/**
 * The register model (zod): one application or one 复议/诉讼 case per row, as parsed from a
 * sheet, an .xlsx or a .csv. Dates are day numbers (see dates.ts); codes come from the format
 * (表三 column and row codes, 表四 group and result indices).
 */
import { z } from "zod";

const day = z.number().int().nullable();

export const applicationSchema = z.object({
  /** Row number in the source (sheet row, or CSV line), for messages and click-to-row. */
  line: z.number().int().positive(),
  id: z.string().nullable(),
  received: day,
  /** 表三 column code C1 … C6. */
  applicantType: z.string().regex(/^C[1-6]$/).nullable(),
  applicant: z.string().nullable(),
  corrected: day,
  extended: z.boolean(),
  answered: day,
  /** 表三 outcome row code R03 … R23. */
  outcome: z.string().regex(/^R(0[3-9]|1\d|2[0-3])$/).nullable(),
  /** Set when a problem in the row keeps it out of the counts (a LEDGER.ROW error says which). */
  excluded: z.boolean(),
});
export type Application = z.infer<typeof applicationSchema>;

export const caseSchema = z.object({
  line: z.number().int().positive(),
  id: z.string().nullable(),
  /** Index of the 表四 group (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉). */
  kind: z.number().int().min(0).max(2).nullable(),
  received: day,
  /** Index of the result (0 结果维持 … 3 尚未审结); blank counts as 尚未审结. */
  result: z.number().int().min(0).max(3),
  excluded: z.boolean(),
});
export type Case = z.infer<typeof caseSchema>;

export const registerSchema = z.object({
  /** Sheet or file names, for messages. */
  appSource: z.string(),
  caseSource: z.string(),
  applications: z.array(applicationSchema),
  cases: z.array(caseSchema),
  /** Whether the workbook has the sheets at all (a missing register is not an empty one). */
  hasApplications: z.boolean(),
  hasCases: z.boolean(),
});
export type Register = z.infer<typeof registerSchema>;

/**
 * The register model: one application or one 复议/诉讼 case per row, as parsed from a sheet, an
 * .xlsx or a .csv. Dates are day numbers (see dates.ts); codes come from the format (表三 column
 * and row codes, 表四 group and result indices). The zod schemas are built from the column table
 * (columns.ts: the columns with `model`, each by its kind and vocabulary), so a new column is in
 * the schema by being in the table; the TypeScript types below name the same fields and
 * test/ledger/columns.test.ts holds the two together.
 */
import { z } from "zod";
import { APP_COLUMNS, CASE_COLUMNS, type ColumnDef } from "./columns";
import { VOCABULARIES } from "./vocabulary";

export interface Application {
  /** Row number in the source (sheet row, or CSV line), for messages and click-to-row. */
  line: number;
  id: string | null;
  received: number | null;
  /** 表三 column code C1 … C6. */
  applicantType: string | null;
  applicant: string | null;
  corrected: number | null;
  extended: boolean;
  /** The answer date as written, whatever the outcome says (an answered row is never open). */
  answered: number | null;
  /** 答复日期 is written but cannot be read as a date: the row's deadline is not judged. */
  answerUnread?: boolean;
  /** 表三 outcome row code R03 … R23 (null while not answered). */
  outcome: string | null;
  /** Set when a problem in the row keeps it out of the counts (a LEDGER.ROW error says which). */
  excluded: boolean;
  // Layout 2 (the 条例's procedure, src/ledger/deadline.ts). Optional: a register of layout 1 and
  // rows built in code (carry, tests) have none, which reads as blank.
  /** 收到方式: channel code (vocabulary.ts RECEIPT_CHANNELS). */
  receiptChannel?: string | null;
  /** 补正通知日期: the day the applicant was asked to correct the application (第三十条). */
  correctionNotice?: number | null;
  /** 征求意见日期 / 收到意见日期: the consultation of a third party or another agency (第三十二条). */
  consultSent?: number | null;
  consultReplied?: number | null;
  /** 延期批准日期: the day the disclosure office head approved the extension (第三十三条第二款). */
  extensionApproved?: number | null;
}

export interface Case {
  line: number;
  id: string | null;
  /** Index of the 表四 group (0 行政复议, 1 未经复议直接起诉, 2 复议后起诉). */
  kind: number | null;
  received: number | null;
  /** Index of the result (0 结果维持 … 3 尚未审结); blank counts as 尚未审结. */
  result: number;
  excluded: boolean;
}

const day = z.number().int().nullable();

/** The schema of one column's value, from its kind (and its vocabulary's codes). */
function valueSchema(d: ColumnDef, numericCodes: boolean): z.ZodTypeAny {
  if (d.kind === "date") return day;
  if (d.kind === "yesNo") return z.boolean();
  if (d.kind === "choice") {
    const v = VOCABULARIES[d.vocabulary!];
    const codes = v.choices.map((c) => c.code);
    const choice = numericCodes ? z.number().int().refine((n) => codes.includes(String(n))) : z.enum(codes as [string, ...string[]]);
    // A vocabulary whose blank means a choice never leaves the value empty.
    return v.blank ? choice : choice.nullable();
  }
  return z.string().nullable();
}

function rowSchema(defs: readonly ColumnDef[], numericCodes: boolean, extra: z.ZodRawShape) {
  const shape: Record<string, z.ZodTypeAny> = { line: z.number().int().positive(), excluded: z.boolean(), ...extra };
  // Columns added after layout 1 may be absent (a row of an older register), as the type says.
  for (const d of defs) if (d.model) shape[d.field] = d.since > 1 ? valueSchema(d, numericCodes).optional() : valueSchema(d, numericCodes);
  return z.object(shape).strict();
}

export const applicationSchema = rowSchema(APP_COLUMNS, false, { answerUnread: z.boolean().optional() });
export const caseSchema = rowSchema(CASE_COLUMNS, true, {});

export interface Register {
  /** Sheet or file names, for messages. */
  appSource: string;
  caseSource: string;
  applications: Application[];
  cases: Case[];
  /** Whether the workbook has the sheets at all (a missing register is not an empty one). */
  hasApplications: boolean;
  hasCases: boolean;
}

export const registerSchema = z.object({
  appSource: z.string(),
  caseSource: z.string(),
  applications: z.array(applicationSchema),
  cases: z.array(caseSchema),
  hasApplications: z.boolean(),
  hasCases: z.boolean(),
});

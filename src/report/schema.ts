/**
 * zod schemas for the report model and findings; the TypeScript types are inferred from them.
 */
import { z } from "zod";
import { RULE_IDS } from "./ruleRegistry";

export const rawCellSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

export const registerGridSchema = z.object({
  name: z.string(),
  firstLine: z.number().int().positive(),
  rows: z.array(z.array(rawCellSchema)),
});

export const sectionSchema = z.object({
  /** The heading as found (or the standard heading). */
  heading: z.string(),
  /** Prose of the section (for table sections: text around the table). */
  text: z.string(),
});

export const metaSchema = z.object({
  agency: z.string().nullable(),
  year: z.number().int().min(1990).max(2200).nullable(),
  contact: z.string().nullable().default(null),
  /** The title line as published, e.g. "某某街道办事处2023年政府信息公开工作年度报告". */
  title: z.string().nullable().default(null),
});

export const reportSchema = z.object({
  format: z.enum(["2021", "2019"]),
  meta: metaSchema,
  /** Opening paragraph(s) before section 一 (legal basis, 统计期限, contact). */
  opening: z.string().nullable().default(null),
  sections: z.object({
    S1: sectionSchema.nullable(),
    S2: sectionSchema.nullable(),
    S3: sectionSchema.nullable(),
    S4: sectionSchema.nullable(),
    S5: sectionSchema.nullable(),
    S6: sectionSchema.nullable(),
  }),
  /** Value cells by key, exactly as written (numbers, text, booleans, null for empty). */
  cells: z.record(z.string(), rawCellSchema),
  /**
   * Value cells an importer could not read with confidence (a row lost, numbers whose columns are
   * unknown). The rules never judge them, nor any sum through them; they are said instead.
   */
  unread: z.array(z.string()).optional(),
  /**
   * Last year's figures kept by a roll-forward (see priorSnapshot.ts), so the cross-year checks
   * work without last year's file.
   */
  priorFigures: z
    .object({ year: z.number().int().nullable(), cells: z.record(z.string(), z.number()) })
    .nullable()
    .optional(),
  /**
   * The registers as read off a version-3 template (申请台账, 复议诉讼台账): each grid from its header
   * row down, with the sheet row of that header. Read by src/ledger; never exported (they hold
   * applicants' names).
   */
  registers: z
    .object({ applications: registerGridSchema.nullable(), cases: registerGridSchema.nullable() })
    .nullable()
    .optional(),
});

export type Report = z.infer<typeof reportSchema>;
export type ReportMeta = z.infer<typeof metaSchema>;
export type Section = z.infer<typeof sectionSchema>;

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

export const findingSchema = z.object({
  /** A registered rule id (ruleRegistry.ts). */
  rule: z.enum(RULE_IDS),
  severity: severitySchema,
  /** Cell keys (T3.R01.C1 …), section keys (S1 … S6) or META.* keys the finding is about. */
  cells: z.array(z.string()),
  message: z.string(),
  /** Sum rules: the keys of the total side and of its addends (both also in `cells`). */
  total: z.array(z.string()).optional(),
  addends: z.array(z.string()).optional(),
  expected: z.number().optional(),
  actual: z.number().optional(),
});
export type Finding = z.infer<typeof findingSchema>;

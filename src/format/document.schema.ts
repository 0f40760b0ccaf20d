import { z } from 'zod';
import { isQuantityValue, QUANTITY_RANGE_MESSAGE } from './quantity-range.ts';

/**
 * The interchange JSON (`shared/spec/document.schema.json`): one department's 重点目標一覧表,
 * the review year (left block) beside the plan year (right block). One schema serves the
 * importer, the exporters, the API and the CLI.
 */
export const comparatorSchema = z.enum(['>=', '<=', '>', '<', '=']);
export type Comparator = z.infer<typeof comparatorSchema>;

export const quantitySchema = z.object({
  // Out-of-range numbers are not quantities (quantity-range.ts): refused here so an import names the field.
  // JSON.parse turns 1e400 into Infinity, which z.number() refuses before the refinement could speak.
  value: z
    .number({
      error: (issue) =>
        issue.input === Infinity || issue.input === -Infinity ? QUANTITY_RANGE_MESSAGE : undefined,
    })
    .refine(isQuantityValue, { message: QUANTITY_RANGE_MESSAGE }),
  unit: z.string(),
  comparator: comparatorSchema,
  text: z.string().optional(),
});
export type Quantity = z.infer<typeof quantitySchema>;

export const itemSchema = z.object({
  no: z.number().int().min(1),
  unit: z.string().min(1).optional(),
  text: z.string(),
  achievement: z.string().optional(),
  target: z.string().optional(),
  quantities: z.array(quantitySchema).optional(),
});
export type Item = z.infer<typeof itemSchema>;

export const goalSchema = z.object({
  no: z.number().int().min(1),
  title: z.string(),
  items: z.array(itemSchema),
});
export type Goal = z.infer<typeof goalSchema>;

export const yearBlockSchema = z.object({
  fiscalYear: z.number().int().min(1989).max(2200),
  goals: z.array(goalSchema),
});
export type YearBlock = z.infer<typeof yearBlockSchema>;

export const warningSchema = z.object({
  message: z.string(),
  line: z.number().int().min(1).optional(),
});
export type ImportWarning = z.infer<typeof warningSchema>;

export const documentSchema = z
  .object({
    department: z.string().min(1),
    review: yearBlockSchema,
    plan: yearBlockSchema,
    warnings: z.array(warningSchema),
  })
  .refine((d) => d.plan.fiscalYear === d.review.fiscalYear + 1, {
    message: 'plan.fiscalYear must be review.fiscalYear + 1',
    path: ['plan', 'fiscalYear'],
  });
export type IchiranDocument = z.infer<typeof documentSchema>;

/** Which block of the table: the left (前年度, with 達成状況) or the right (当年度, with 期限・数値目標等). */
export type Block = 'review' | 'plan';

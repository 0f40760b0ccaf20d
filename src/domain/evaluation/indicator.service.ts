import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { auditEvaluation } from './audit.ts';
import { deleteIndicator, saveIndicator } from './indicator.repo.ts';
import { requireId } from './require-id.ts';
import { targetScope } from './scope.ts';

const isoDate = z.iso.date();

export const indicatorInputSchema = z.object({
  /** outcome = 成果指標, activity = 活動指標 */
  kind: z.enum(['outcome', 'activity']),
  name: z.string().trim().min(1).max(200).optional(),
  /** 基準値 and when it was measured. */
  baseline: z.object({ value: z.number().finite(), date: isoDate.optional() }).optional(),
  /** The long-term target (e.g. of the 総合計画) and its fiscal year. */
  longTerm: z
    .object({ value: z.number().finite(), year: z.number().int().min(1989).max(2200).optional() })
    .optional(),
});
export type IndicatorInput = z.input<typeof indicatorInputSchema>;

/**
 * Marks a target as 成果指標 or 活動指標, with its baseline and long-term target; the year's target is
 * the quantity itself and the actual comes from its match. Replaces what was set before.
 */
export async function setIndicator(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
  input: IndicatorInput,
): Promise<void> {
  const parsed = indicatorInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', issue?.message ?? 'invalid indicator', {
      field: issue?.path.join('.') || 'indicator',
    });
  }
  const value = parsed.data;
  await inTransaction(db, async (trx) => {
    const scope = await targetScope(trx, requireId(targetId, 'targetId'));
    authorize(actor, 'evaluation.edit', {
      municipalityId: scope.municipalityId,
      departmentId: scope.departmentId,
    });
    await saveIndicator(trx, actor, targetId, {
      kind: value.kind,
      name: value.name ?? null,
      baselineValue: value.baseline?.value ?? null,
      baselineDate: value.baseline?.date ?? null,
      longTermValue: value.longTerm?.value ?? null,
      longTermYear: value.longTerm?.year ?? null,
    });
    await auditEvaluation(trx, actor, scope, {
      action: 'indicator.set',
      summary: `target ${targetId} is an ${value.kind} indicator`,
      after: value,
    });
  });
}

export async function removeIndicator(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const scope = await targetScope(trx, requireId(targetId, 'targetId'));
    authorize(actor, 'evaluation.edit', {
      municipalityId: scope.municipalityId,
      departmentId: scope.departmentId,
    });
    const removed = await deleteIndicator(trx, targetId);
    if (removed)
      await auditEvaluation(trx, actor, scope, {
        action: 'indicator.remove',
        summary: `target ${targetId} is no indicator`,
      });
    return removed;
  });
}

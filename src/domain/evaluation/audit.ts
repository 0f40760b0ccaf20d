import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { refreshGrades } from '../../search/grade-index.ts';
import type { AuditAction } from '../audit/actions.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import type { ItemScope, QuantityScope } from './scope.ts';

/**
 * Records an evaluation decision (a match, a self-assessment, an indicator) on the trail, against the
 * target or item and its goal, so the goal's history shows who judged its results and when.
 */
export function auditEvaluation(
  db: Kysely<Database>,
  actor: Actor,
  scope: ItemScope | QuantityScope,
  change: { action: AuditAction; summary: string; after?: unknown },
): Promise<void> {
  const quantityId = 'quantityId' in scope ? scope.quantityId : undefined;
  return appendAudit(db, actor, {
    action: change.action,
    entityType: quantityId === undefined ? 'item' : 'quantity',
    entityId: quantityId ?? scope.itemId,
    departmentId: scope.departmentId,
    goalId: scope.goalId,
    summary: `${change.summary} (${scope.year} ${scope.block})`,
    after: change.after,
  });
}

/**
 * A decision that can change a grade (a match, a self-assessment): the search's grades of the
 * department year follow at once, and the decision goes on the trail.
 */
export async function recordGradingDecision(
  db: Kysely<Database>,
  actor: Actor,
  scope: ItemScope | QuantityScope,
  change: { action: AuditAction; summary: string; after?: unknown },
): Promise<void> {
  await refreshGrades(db, scope);
  await auditEvaluation(db, actor, scope, change);
}

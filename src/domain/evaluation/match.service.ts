import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { MatchStatus } from '../../db/tables/evaluation.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { refreshGrades } from '../../search/grade-index.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { recordGradingDecision } from './audit.ts';
import { loadDepartmentYear, matchDepartmentYear } from './department-year.ts';
import { deleteMatch, loadMatches, saveMatch } from './match.repo.ts';
import { requireId } from './require-id.ts';
import { type QuantityScope, quantityScope, targetScope } from './scope.ts';

export interface MatchResult {
  targetId: number;
  actualId: number | null;
  status: MatchStatus;
}

async function authorizedTarget(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
): Promise<QuantityScope> {
  const scope = await targetScope(db, requireId(targetId, 'targetId'));
  authorize(actor, 'evaluation.edit', {
    municipalityId: scope.municipalityId,
    departmentId: scope.departmentId,
  });
  return scope;
}

/** The pair in force for one target: its stored row, else the matcher's suggestion. */
async function currentPair(
  db: Kysely<Database>,
  scope: QuantityScope,
): Promise<{ actualId: number | null; status: MatchStatus; stored: boolean; score: number | null }> {
  const row = (await loadMatches(db, [scope.quantityId])).get(scope.quantityId);
  if (row) return { actualId: row.actual_quantity_id, status: row.status, stored: true, score: row.score };
  const year = await loadDepartmentYear(db, scope.departmentId, scope.year);
  const suggestion = (await matchDepartmentYear(db, year)).match.suggestions.get(scope.quantityId);
  return {
    actualId: suggestion?.actualId ?? null,
    status: 'suggested',
    stored: false,
    score: suggestion?.score ?? null,
  };
}

function expectUnchanged(actualId: number | null, expected: number | null | undefined): void {
  if (expected !== undefined && expected !== actualId) {
    throw new AppError('CONFLICT', `the match changed meanwhile: it now pairs actual ${actualId ?? 'none'}`, {
      field: 'actualId',
    });
  }
}

/**
 * Accepts the pair in force (stored or suggested; with no actual it confirms 未報告). `expectedActualId`,
 * when given, is the actual the editor saw: if the pair changed since, CONFLICT.
 */
export async function confirmMatch(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
  expectedActualId?: number | null,
): Promise<MatchResult> {
  return inTransaction(db, async (trx) => {
    const scope = await authorizedTarget(trx, actor, targetId);
    const pair = await currentPair(trx, scope);
    expectUnchanged(pair.actualId, expectedActualId);
    if (pair.status === 'rejected') {
      throw new AppError('CONFLICT', 'this pair was rejected: choose the actual with setMatch', {
        field: 'targetId',
      });
    }
    const status: MatchStatus = pair.status === 'manual' ? 'manual' : 'confirmed';
    await saveMatch(trx, actor, { targetId, actualId: pair.actualId, status, score: pair.score });
    await recordGradingDecision(trx, actor, scope, {
      action: 'match.confirm',
      summary: `target ${targetId} answered by ${pair.actualId ?? 'none (未報告)'}`,
    });
    return { targetId, actualId: pair.actualId, status };
  });
}

/**
 * The editor's own choice: `actualId` must be an actual of the same department and fiscal year
 * (review block); null records that no actual was reported.
 */
export async function setMatch(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
  actualId: number | null,
): Promise<MatchResult> {
  return inTransaction(db, async (trx) => {
    const scope = await authorizedTarget(trx, actor, targetId);
    if (actualId !== null) {
      const actual = await quantityScope(trx, requireId(actualId, 'actualId'));
      const fits =
        actual.kind === 'actual' &&
        actual.block === 'review' &&
        actual.departmentId === scope.departmentId &&
        actual.fiscalYearId === scope.fiscalYearId;
      if (!fits) {
        throw new AppError(
          'INVALID_INPUT',
          `quantity ${actualId} is not an actual of the same department and year`,
          {
            field: 'actualId',
          },
        );
      }
    }
    await saveMatch(trx, actor, { targetId, actualId, status: 'manual', score: null });
    await recordGradingDecision(trx, actor, scope, {
      action: 'match.set',
      summary: `target ${targetId} answered by ${actualId ?? 'none (未報告)'}`,
    });
    return { targetId, actualId, status: 'manual' };
  });
}

/** Says the pair in force is wrong: the target counts as 未報告 until an editor sets its actual. */
export async function rejectMatch(
  db: Kysely<Database>,
  actor: Actor,
  targetId: number,
  expectedActualId?: number | null,
): Promise<MatchResult> {
  return inTransaction(db, async (trx) => {
    const scope = await authorizedTarget(trx, actor, targetId);
    const pair = await currentPair(trx, scope);
    expectUnchanged(pair.actualId, expectedActualId);
    if (pair.actualId === null) {
      throw new AppError('INVALID_INPUT', 'the target has no actual to reject', { field: 'targetId' });
    }
    await saveMatch(trx, actor, { targetId, actualId: pair.actualId, status: 'rejected', score: pair.score });
    await recordGradingDecision(trx, actor, scope, {
      action: 'match.reject',
      summary: `target ${targetId} is not answered by ${pair.actualId}`,
    });
    return { targetId, actualId: pair.actualId, status: 'rejected' };
  });
}

/** Forgets the stored match: the target is suggested afresh on the next read. */
export async function clearMatch(db: Kysely<Database>, actor: Actor, targetId: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const scope = await authorizedTarget(trx, actor, targetId);
    const removed = await deleteMatch(trx, targetId);
    if (removed) {
      await recordGradingDecision(trx, actor, scope, {
        action: 'match.clear',
        summary: `target ${targetId} suggested afresh`,
      });
    }
    return removed;
  });
}

/**
 * Stores the matcher's suggestions for the department's targets of the year, replacing earlier stored
 * suggestions; confirmed, manual and rejected matches stay as they are.
 */
export async function suggestMatches(
  db: Kysely<Database>,
  actor: Actor,
  departmentId: number,
  fiscalYear: number,
): Promise<{ stored: number; withActual: number }> {
  return inTransaction(db, async (trx) => {
    const year = await loadDepartmentYear(trx, requireId(departmentId, 'departmentId'), fiscalYear);
    authorize(actor, 'evaluation.edit', { municipalityId: year.municipality.id, departmentId });
    const { stored } = await matchDepartmentYear(trx, year);
    const refreshable = [...stored.values()]
      .filter((r) => r.status === 'suggested')
      .map((r) => r.target_quantity_id);
    for (const id of refreshable) await deleteMatch(trx, id);
    const { match } = await matchDepartmentYear(trx, year);
    let count = 0;
    let withActual = 0;
    for (const goal of year.plan) {
      for (const item of goal.items) {
        for (const q of item.quantities) {
          if (stored.has(q.id) && !refreshable.includes(q.id)) continue;
          const suggestion = match.suggestions.get(q.id);
          await saveMatch(trx, actor, {
            targetId: q.id,
            actualId: suggestion?.actualId ?? null,
            status: 'suggested',
            score: suggestion?.score ?? null,
          });
          count += 1;
          if (suggestion) withActual += 1;
        }
      }
    }
    const fiscalYearId = await findFiscalYearId(trx, year.municipality.id, fiscalYear);
    if (fiscalYearId !== undefined) await refreshGrades(trx, { departmentId, fiscalYearId });
    await appendAudit(trx, actor, {
      action: 'match.suggest',
      entityType: 'department',
      entityId: departmentId,
      departmentId,
      summary: `${fiscalYear}: ${count} suggestions stored, ${withActual} with an actual`,
    });
    return { stored: count, withActual };
  });
}

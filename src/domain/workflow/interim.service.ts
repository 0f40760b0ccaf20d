import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { extractQuantities } from '../../quantities/extract.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { authorize } from '../auth/policy.ts';
import {
  deleteInterimProgress,
  deleteInterimQuantities,
  findInterimProgress,
  findItemToReport,
  insertInterimProgress,
  insertInterimQuantities,
  updateInterimProgress,
} from './interim.repo.ts';
import { assertPhaseEditable, assertVersion, assertWritten, staleError } from './phase-lock.ts';
import { assertPhaseOpen } from './phase-opening.service.ts';

export const MAX_PROGRESS = 2000;

export interface InterimInput {
  /** A plan-block item: progress is reported against what was planned. */
  itemId: number;
  text: string;
  /** 未着手: nothing done yet, said explicitly (a blank item blocks submission; this does not). */
  notStarted?: boolean;
  /** The version the editor saw; 0 when the item had no progress yet. */
  version: number;
  /** When saved as part of a goal's form: the goal the item must belong to. */
  goalId?: number;
}

/**
 * Saves (or, with empty text and no 未着手 mark, clears) an item's 中間報告, with the quantities read
 * from the text.
 */
export async function saveInterimProgress(
  db: Kysely<Database>,
  actor: Actor,
  input: InterimInput,
): Promise<number> {
  const item = await findItemToReport(db, input.itemId);
  if (item?.block !== 'plan' || (input.goalId !== undefined && item.goal_id !== input.goalId))
    throw new AppError('NOT_FOUND', 'no such plan item', { field: 'item' });
  authorize(actor, 'evaluation.edit', {
    municipalityId: item.municipality_id,
    departmentId: item.department_id,
  });
  const text = input.text.trim();
  const notStarted = input.notStarted === true;
  const keep = text !== '' || notStarted;
  if (text.length > MAX_PROGRESS) {
    throw new AppError('INVALID_INPUT', `進捗は${MAX_PROGRESS}文字以内で入力してください。`, {
      field: 'text',
    });
  }
  return inTransaction(db, async (trx) => {
    const key = {
      departmentId: item.department_id,
      fiscalYearId: item.fiscal_year_id,
      phase: 'interim' as const,
    };
    await assertPhaseEditable(trx, key);
    await assertPhaseOpen(trx, key);
    const before = await findInterimProgress(trx, item.id);
    assertVersion(input.version, before?.version);
    // Unchanged (a goal's form sends every item): no write, no new version, no audit row.
    if (before && keep && before.text === text && (before.not_started === 1) === notStarted) {
      return before.version;
    }
    const now = nowIso();
    let progressId: number | undefined;
    if (!before && !keep) return 0;
    if (before && !keep) {
      assertWritten(await deleteInterimProgress(trx, before.id, input.version));
    } else if (before) {
      assertWritten(
        await updateInterimProgress(trx, before.id, input.version, {
          text,
          not_started: notStarted ? 1 : 0,
          actor_login: actor.login,
          updated_at: now,
        }),
      );
      progressId = before.id;
      await deleteInterimQuantities(trx, before.id);
    } else {
      const row = await insertInterimProgress(trx, {
        item_id: item.id,
        department_id: key.departmentId,
        fiscal_year_id: key.fiscalYearId,
        text,
        not_started: notStarted ? 1 : 0,
        actor_login: actor.login,
        created_at: now,
        updated_at: now,
      });
      if (!row) throw staleError();
      progressId = row?.id;
    }
    const quantities = progressId === undefined ? [] : extractQuantities(text);
    if (progressId !== undefined && quantities.length > 0) {
      const id = progressId;
      await insertInterimQuantities(
        trx,
        quantities.map((q, position) => ({
          progress_id: id,
          position,
          value: q.value,
          unit: q.unit,
          comparator: q.comparator,
          span_text: q.text,
          span_start: q.start,
          span_end: q.end,
        })),
      );
    }
    await appendAudit(trx, actor, {
      action: 'workflow.interim',
      entityType: 'interim_progress',
      entityId: item.id,
      departmentId: item.department_id,
      summary: `interim progress of goal ${item.goal_no} item ${item.no} ${keep ? 'saved' : 'cleared'}`,
      before: before ? { text: before.text, notStarted: before.not_started === 1 } : undefined,
      after: { text, notStarted, quantities: quantities.map((q) => `${q.value}${q.unit}`) },
    });
    return keep ? (before?.version ?? 0) + 1 : 0;
  });
}

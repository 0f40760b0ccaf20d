import type { Kysely } from 'kysely';
import { nowIso } from '../../db/clock.ts';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { AuditAction } from '../audit/actions.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { linkNextYearCopies, linkYearEndCopies } from '../lineage/copy-links.ts';
import { assertBlockEditable } from '../workflow/lock.ts';
import {
  countBlockGoals,
  goalsToCopy,
  insertQuantityRows,
  itemRowsOfGoal,
  targetQuantityRows,
} from './block-copy.repo.ts';
import { afterChange, blockLabel, guardedBlock } from './goal-edit.context.ts';
import { insertGoal, insertItem } from './goal-edit.repo.ts';
import type { BlockContext } from './goal-edit.types.ts';

export interface CopyResult {
  /** The block written. */
  to: BlockContext;
  goals: Array<{ id: number; copiedFrom: number; title: string }>;
}

/**
 * Copies goals and items of `from` into the empty block `to`, each copy recording its original.
 * Targets (and their quantities) come along only into a plan block; notes of a review block start
 * empty, for the achievements still to be written.
 */
async function copyBlock(trx: Kysely<Database>, from: BlockContext, to: BlockContext): Promise<CopyResult> {
  const goals = await goalsToCopy(trx, from);
  if (goals.length === 0) {
    throw new AppError('NOT_FOUND', `the ${from.block} block of ${from.year} has no goals to copy`);
  }
  const keepTargets = to.block === 'plan';
  const now = nowIso();
  const result: CopyResult = { to, goals: [] };
  for (const g of goals) {
    const id = await insertGoal(trx, {
      department_id: to.departmentId,
      fiscal_year_id: to.fiscalYearId,
      block: to.block,
      no: g.no,
      position: g.position,
      title: g.title,
      source_document_id: null,
      version: 1,
      created_at: now,
      updated_at: now,
      copied_from_goal_id: g.id,
    });
    result.goals.push({ id, copiedFrom: g.id, title: g.title });
    const items = await itemRowsOfGoal(trx, g.id);
    for (const i of items) {
      const copyId = await insertItem(trx, {
        goal_id: id,
        no: i.no,
        position: i.position,
        unit_id: i.unit_id,
        text: i.text,
        target: keepTargets ? i.target : null,
        achievement: null,
        version: 1,
        created_at: now,
        updated_at: now,
        copied_from_item_id: i.id,
      });
      if (!keepTargets) continue;
      const quantities = await targetQuantityRows(trx, i.id);
      await insertQuantityRows(
        trx,
        quantities.map(({ id: _id, ...q }) => ({ ...q, item_id: copyId })),
      );
    }
  }
  return result;
}

async function copyInto(
  db: Kysely<Database>,
  actor: Actor,
  input: { departmentId: number; year: number },
  target: { year: number; block: 'plan' | 'review' },
  action: AuditAction,
): Promise<CopyResult> {
  return inTransaction(db, async (trx) => {
    const source = { ...input, block: 'plan' as const };
    const from = await guardedBlock(trx, actor, source, { create: false, readOnly: true });
    const to = await guardedBlock(
      trx,
      actor,
      { departmentId: input.departmentId, ...target },
      { create: true, readOnly: true },
    );
    // An existing block is the plainer reason to refuse, so it is named before the lock.
    if ((await countBlockGoals(trx, to)) > 0) {
      throw new AppError('CONFLICT', `the ${target.block} block of ${target.year} already has goals`, {
        field: 'block',
      });
    }
    await assertBlockEditable(trx, to);
    const result = await copyBlock(trx, from, to);
    // Lineage is part of the copy: the same transaction, so a copy never stands as 新規.
    const link = target.block === 'plan' ? linkNextYearCopies : linkYearEndCopies;
    await link(trx, actor, to.municipalityId, result.goals);
    await appendAudit(trx, actor, {
      action,
      entityType: 'block',
      entityId: null,
      departmentId: input.departmentId,
      summary: `${result.goals.length} goals copied from ${blockLabel(from)} to ${blockLabel(to)}, each linked to its source (${target.block === 'plan' ? 'continues' : 'same'})`,
      before: null,
      after: result.goals,
    });
    await afterChange(trx, to);
    return result;
  });
}

/** 「次年度の目標を今年度から作成」: plan block of Y → a new draft plan block of Y+1 (targets kept). */
export function copyPlanToNextYear(
  db: Kysely<Database>,
  actor: Actor,
  input: { departmentId: number; year: number },
): Promise<CopyResult> {
  return copyInto(db, actor, input, { year: input.year + 1, block: 'plan' }, 'block.copy_next_year');
}

/** 「年度末の報告を開始」: plan block of Y → the empty review block of Y (achievements to be written). */
export function startYearEndReport(
  db: Kysely<Database>,
  actor: Actor,
  input: { departmentId: number; year: number },
): Promise<CopyResult> {
  return copyInto(db, actor, input, { year: input.year, block: 'review' }, 'block.start_review');
}

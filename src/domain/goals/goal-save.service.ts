import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { Actor } from '../auth/actor.ts';
import { afterChange, blockLabel, goalContext, guard } from './goal-edit.context.ts';
import { goalSnapshot, itemSnapshot, updateGoalIfVersion, updateItemIfVersion } from './goal-edit.repo.ts';
import type { BlockContext, GoalSnapshot, ItemSnapshot, UnitChoice } from './goal-edit.types.ts';
import { refreshQuantities } from './quantity-edit.service.ts';
import { resolveUnit } from './unit-choice.ts';

/** One item row of the goal form: what the user sees, with the version the form was loaded at. */
export interface GoalSaveItem {
  itemId: number;
  version: number;
  /** NaN when the typed number was not a number: reported at the field like any other mistake. */
  no?: number;
  unit: UnitChoice;
  text: string;
  note: string;
}

export interface GoalSaveInput {
  goalId: number;
  version: number;
  title: string;
  items: GoalSaveItem[];
}

/** A field of the form that is wrong: `target` is `goal` or `item-<id>`, `field` the input's name. */
export interface FieldIssue {
  target: string;
  field: 'title' | 'text' | 'no';
}

/** Every wrong field of the form at once, so the page can name each; nothing was written. */
export class GoalFormInvalid extends AppError {
  readonly issues: FieldIssue[];
  constructor(issues: FieldIssue[]) {
    super('INVALID_INPUT', `${issues.length} field(s) of the goal form are invalid`, {
      field: issues[0]?.field,
    });
    this.name = 'GoalFormInvalid';
    this.issues = issues;
  }
}

/**
 * Someone else saved the goal or one of its items after this form was loaded: nothing was written.
 * Carries what is stored now (the rows that changed; `gone` the items deleted meanwhile).
 */
export class GoalFormStale extends AppError {
  readonly goal: GoalSnapshot | null;
  readonly items: ItemSnapshot[];
  readonly gone: number[];
  constructor(goal: GoalSnapshot | null, items: ItemSnapshot[], gone: number[]) {
    super('STALE', 'the goal or its items were changed by someone else since the form was opened', {
      field: 'version',
    });
    this.name = 'GoalFormStale';
    this.goal = goal;
    this.items = items;
    this.gone = gone;
  }
}

function issuesOf(input: GoalSaveInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.title.trim() === '') issues.push({ target: 'goal', field: 'title' });
  for (const item of input.items) {
    const target = `item-${item.itemId}`;
    const no = item.no;
    if (no !== undefined && (!Number.isInteger(no) || no < 1 || no > 99))
      issues.push({ target, field: 'no' });
    if (item.text.trim() === '') issues.push({ target, field: 'text' });
  }
  return issues;
}

const noteColumns = (ctx: BlockContext, note: string | null) =>
  ctx.block === 'plan' ? { target: note } : { achievement: note };

/** Reads every row the form covers; any version that moved (or row gone) makes the whole save stale. */
async function checkVersions(trx: Kysely<Database>, ctx: BlockContext, input: GoalSaveInput) {
  const goal = await goalSnapshot(trx, input.goalId);
  const befores = new Map<number, ItemSnapshot>();
  const changed: ItemSnapshot[] = [];
  const gone: number[] = [];
  for (const item of input.items) {
    const before = await itemSnapshot(trx, item.itemId, ctx.block);
    if (before && before.goalId !== input.goalId)
      throw new AppError('NOT_FOUND', `item ${item.itemId} is not part of goal ${input.goalId}`);
    if (!before) gone.push(item.itemId);
    else if (before.version !== item.version) changed.push(before);
    else befores.set(item.itemId, before);
  }
  if (!goal || goal.version !== input.version || changed.length > 0 || gone.length > 0) {
    throw new GoalFormStale(goal, changed, gone);
  }
  return { goal, befores };
}

/**
 * The editor's one 保存 of a goal: its title and all its items' fields, in one transaction. Either
 * everything lands or nothing does (an invalid field, a stale row, a lock). Rows whose fields did not
 * change are not written, so their versions and the audit trail only move for real edits.
 */
export async function saveGoalForm(
  db: Kysely<Database>,
  actor: Actor,
  input: GoalSaveInput,
): Promise<{ changed: number }> {
  return inTransaction(db, async (trx) => {
    const ctx = await goalContext(trx, input.goalId);
    // Permission and lock first: someone who may not edit learns nothing from field checks.
    await guard(trx, actor, ctx);
    const issues = issuesOf(input);
    if (issues.length > 0) throw new GoalFormInvalid(issues);
    const { goal, befores } = await checkVersions(trx, ctx, input);
    let changed = 0;
    const title = input.title.trim();
    if (title !== goal.title) {
      if (!(await updateGoalIfVersion(trx, goal.id, input.version, { title })))
        throw new GoalFormStale(await goalSnapshot(trx, goal.id), [], []);
      await appendAudit(trx, actor, {
        action: 'goal.update',
        entityType: 'goal',
        entityId: goal.id,
        departmentId: ctx.departmentId,
        summary: `goal ${goal.no} of ${blockLabel(ctx)} retitled`,
        before: goal,
        after: await goalSnapshot(trx, goal.id),
      });
      changed += 1;
    }
    for (const item of input.items) {
      const before = befores.get(item.itemId) as ItemSnapshot;
      if (await saveItemRow(trx, actor, ctx, item, before)) changed += 1;
    }
    if (changed > 0) await afterChange(trx, ctx);
    return { changed };
  });
}

async function saveItemRow(
  trx: Kysely<Database>,
  actor: Actor,
  ctx: BlockContext,
  item: GoalSaveItem,
  before: ItemSnapshot,
): Promise<boolean> {
  const text = item.text.trim();
  const note = item.note.trim() || null;
  const unitId = await resolveUnit(trx, ctx, item.unit);
  const no = item.no ?? before.no;
  const same =
    text === before.text &&
    (note ?? '') === (before.note ?? '') &&
    unitId === before.unitId &&
    no === before.no;
  if (same) return false;
  const written = await updateItemIfVersion(trx, item.itemId, item.version, {
    no,
    unit_id: unitId,
    text,
    ...noteColumns(ctx, note),
  });
  if (!written) throw new GoalFormStale(null, [], [item.itemId]);
  if ((before.note ?? '') !== (note ?? '')) {
    await refreshQuantities(trx, item.itemId, ctx, before.note ?? '', note ?? '');
  }
  const after = (await itemSnapshot(trx, item.itemId, ctx.block)) as ItemSnapshot;
  await appendAudit(trx, actor, {
    action: 'item.update',
    entityType: 'item',
    entityId: item.itemId,
    departmentId: ctx.departmentId,
    summary: `item ${after.no} of goal ${after.goalId} (${blockLabel(ctx)}) edited`,
    before,
    after,
  });
  return true;
}

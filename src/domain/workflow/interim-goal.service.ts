import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import { type InterimInput, MAX_PROGRESS, saveInterimProgress } from './interim.service.ts';

/** Items of the goal's form whose progress text is too long: named one by one, nothing saved. */
export class InterimFormInvalid extends AppError {
  readonly itemIds: number[];
  constructor(itemIds: number[]) {
    super('INVALID_INPUT', `進捗は${MAX_PROGRESS}文字以内で入力してください。`, { field: 'text' });
    this.name = 'InterimFormInvalid';
    this.itemIds = itemIds;
  }
}

/**
 * The 中間報告 of all items of one goal, saved by one 保存 in one transaction: every item lands or none
 * does (a stale item, a locked phase, an item of another goal). Unchanged items are not written.
 */
export async function saveInterimGoal(
  db: Kysely<Database>,
  actor: Actor,
  input: { goalId: number; items: Array<Omit<InterimInput, 'goalId'>> },
): Promise<void> {
  // Only the length of the caller's own input is checked before permission: it reveals nothing.
  const tooLong = input.items.filter((i) => i.text.trim().length > MAX_PROGRESS).map((i) => i.itemId);
  if (tooLong.length > 0) throw new InterimFormInvalid(tooLong);
  await inTransaction(db, async (trx) => {
    for (const item of input.items) {
      await saveInterimProgress(trx, actor, { ...item, goalId: input.goalId });
    }
  });
}

import type { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createGoal, editGoal, moveGoal } from '../../domain/goals/goal-edit.service.ts';
import { saveGoalForm } from '../../domain/goals/goal-save.service.ts';
import { goalPairsByPosition } from '../../domain/lineage/pairing.service.ts';
import type { AppError } from '../../errors.ts';
import type { AppEnv } from '../../http/env.ts';
import { requireSession } from '../staff/require-session.ts';
import type { Flash } from './editor.urls.ts';
import { addressOf, directionOf, goalFields, readForm, versionOf } from './form.ts';
import { goalFormFields, goalFormProblem, goalSaveInput } from './goal-form.ts';
import { attempt, BLOCK_PATH, ID, numberParam } from './route-kit.tsx';

/** Add, save (title with all items), retitle and move goals; deletion has its own confirmation routes (delete.routes.tsx). */
export function registerGoalRoutes(app: Hono<AppEnv>, db: Kysely<Database>): void {
  app.post(`${BLOCK_PATH}/goals`, async (c) => {
    const actor = requireSession(c).actor;
    const address = addressOf(c);
    const fields = goalFields(await readForm(c));
    return attempt(c, db, address, { kind: 'goal', target: 'new-goal', fields }, async () => {
      const goal = await createGoal(db, actor, { ...address, title: fields.title });
      return { kind: 'added', entity: 'goal', anchor: `goal-${goal.id}` };
    });
  });

  app.post(`${BLOCK_PATH}/goals/:goalId${ID}`, async (c) => {
    const actor = requireSession(c).actor;
    const goalId = numberParam(c, 'goalId');
    const form = await readForm(c);
    const fields = goalFields(form);
    return attempt(c, db, addressOf(c), { kind: 'goal', target: `goal-${goalId}`, fields }, async () => {
      await editGoal(db, actor, { goalId, version: versionOf(form), title: fields.title });
      return { kind: 'saved', entity: 'goal', anchor: `goal-${goalId}` };
    });
  });

  // The page's one 保存 per goal: its title and all its items' fields, in one transaction.
  app.post(`${BLOCK_PATH}/goals/:goalId${ID}/save`, async (c) => {
    const actor = requireSession(c).actor;
    const goalId = numberParam(c, 'goalId');
    const parsed = goalFormFields(await readForm(c), goalId);
    const problem = (error: AppError) => goalFormProblem(goalId, parsed, error);
    return attempt(c, db, addressOf(c), problem, async () => {
      await saveGoalForm(db, actor, goalSaveInput(goalId, parsed));
      return { kind: 'saved', entity: 'goal', anchor: `goal-${goalId}` };
    });
  });

  app.post(`${BLOCK_PATH}/goals/:goalId${ID}/move`, async (c) => {
    const actor = requireSession(c).actor;
    const goalId = numberParam(c, 'goalId');
    const form = await readForm(c);
    return attempt(c, db, addressOf(c), { kind: 'goal', target: `goal-${goalId}` }, async () => {
      await moveGoal(db, actor, { goalId, version: versionOf(form), direction: directionOf(form) });
      const flash: Flash = { kind: 'moved', entity: 'goal', anchor: `goal-${goalId}` };
      return (await goalPairsByPosition(db, goalId)) ? { ...flash, pairsByPosition: true } : flash;
    });
  });
}

// Helpers shared by this module's database tests.
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { departmentIdOf, municipalityIdOf } from '../../test-support/seed.ts';
import type { Actor } from '../auth/actor.ts';
import type { DepartmentEvaluation, ItemEvaluation, TargetEvaluation } from './evaluation.types.ts';

export const editorOf = (municipalityId: number, departmentId: number): Actor => ({
  userId: 100 + departmentId,
  login: `editor-${departmentId}`,
  municipalityId,
  grants: [{ role: 'editor', departmentId }],
});

export const planningOf = (municipalityId: number): Actor => ({
  userId: 7,
  login: 'planning',
  municipalityId,
  grants: [{ role: 'planning', departmentId: null }],
});

/** A top-level department by name, in the test database's only city (the demo city or a fixture's). */
export async function departmentId(db: Kysely<Database>, name: string): Promise<number> {
  return departmentIdOf(db, await municipalityIdOf(db), name);
}

/** Every target quantity stored in the plan block of the year, straight from the tables. */
export async function storedTargetIds(
  db: Kysely<Database>,
  department: number,
  year: number,
): Promise<number[]> {
  const rows = await db
    .selectFrom('quantity')
    .innerJoin('item', 'item.id', 'quantity.item_id')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .innerJoin('fiscal_year', 'fiscal_year.id', 'goal.fiscal_year_id')
    .select('quantity.id')
    .where('goal.department_id', '=', department)
    .where('fiscal_year.year', '=', year)
    .where('goal.block', '=', 'plan')
    .where('quantity.kind', '=', 'target')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

export function allTargets(view: DepartmentEvaluation): TargetEvaluation[] {
  return view.goals.flatMap((g) => g.items.flatMap((i) => i.targets));
}

export function findItem(view: DepartmentEvaluation, itemText: string): ItemEvaluation {
  const found = view.goals.flatMap((g) => g.items).filter((i) => i.text.includes(itemText));
  assert.equal(found.length, 1, `one item with "${itemText}"`);
  return found[0] as ItemEvaluation;
}

/** The target written `targetText` (e.g. `5人以下`) of the item whose text contains `itemText`. */
export function findTarget(
  view: DepartmentEvaluation,
  itemText: string,
  targetText: string,
): TargetEvaluation {
  const found = findItem(view, itemText).targets.filter((t) => t.target.text === targetText);
  assert.equal(found.length, 1, `one target "${targetText}" in "${itemText}"`);
  return found[0] as TargetEvaluation;
}

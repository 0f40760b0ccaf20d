import type { Kysely } from 'kysely';
import { inChunks } from '../../db/batch.ts';
import type { BlockKind, Database } from '../../db/schema.ts';
import type { LineageMember } from '../organisation/department-lineage.ts';
import type { GoalText } from './score.ts';

export interface BlockSelection {
  municipalityId: number;
  fiscalYear: number;
  block: BlockKind;
  /** In order of preference; a member contributes only fiscal years before its `before`. */
  departments: LineageMember[];
}

/** The goals of one block (of one or several departments of a lineage) with their items, for matching. */
export async function loadGoalTexts(db: Kysely<Database>, selection: BlockSelection): Promise<GoalText[]> {
  const members = selection.departments.filter((d) => d.before === null || selection.fiscalYear < d.before);
  if (members.length === 0) return [];
  const goals = await db
    .selectFrom('goal')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .select(['goal.id', 'goal.no', 'goal.title', 'goal.department_id'])
    .where('fy.municipality_id', '=', selection.municipalityId)
    .where('fy.year', '=', selection.fiscalYear)
    .where('goal.block', '=', selection.block)
    .where(
      'goal.department_id',
      'in',
      members.map((d) => d.id),
    )
    .orderBy('goal.position')
    .orderBy('goal.id')
    .execute();
  if (goals.length === 0) return [];
  // Pieces split by goal, so each goal's items keep their order.
  const items = await inChunks(
    goals.map((g) => g.id),
    (chunk) =>
      db
        .selectFrom('item')
        .leftJoin('department as unit', 'unit.id', 'item.unit_id')
        .select(['item.id', 'item.goal_id', 'item.no', 'item.text', 'unit.name as unit'])
        .where('item.goal_id', 'in', chunk)
        .orderBy('item.position')
        .orderBy('item.id')
        .execute(),
  );
  const itemsOf = new Map<number, typeof items>();
  for (const item of items) {
    const list = itemsOf.get(item.goal_id);
    if (list) list.push(item);
    else itemsOf.set(item.goal_id, [item]);
  }
  const rank = new Map(members.map((d, index) => [d.id, index]));
  return [...goals]
    .sort((a, b) => (rank.get(a.department_id) ?? 0) - (rank.get(b.department_id) ?? 0))
    .map((g) => ({
      id: g.id,
      no: g.no,
      title: g.title,
      items: (itemsOf.get(g.id) ?? []).map((i) => ({ id: i.id, no: i.no, text: i.text, unit: i.unit })),
    }));
}

/** The items of the goals, in their order on the page. */
export function itemsOfGoals(db: Kysely<Database>, goalIds: number[]) {
  return db
    .selectFrom('item')
    .select(['id', 'goal_id', 'no', 'text'])
    .where('goal_id', 'in', goalIds)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The goal an item belongs to (undefined when there is no such item). */
export function findItemGoal(db: Kysely<Database>, itemId: number) {
  return db.selectFrom('item').select('goal_id').where('id', '=', itemId).executeTakeFirst();
}

/** Every (year, block) a department has goals in. */
export function blockYearsOfDepartment(db: Kysely<Database>, departmentId: number) {
  return db
    .selectFrom('goal')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .select(['fy.year', 'goal.block'])
    .distinct()
    .where('goal.department_id', '=', departmentId)
    .execute();
}

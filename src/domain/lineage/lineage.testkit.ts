import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { GoalLinkRow } from '../../db/tables/lineage.ts';
import { importSources } from '../../importer/import.service.ts';
import { readSource } from '../../importer/read-source.ts';
import type { TestDb } from '../../test-support/test-db.ts';
import type { Actor, Role } from '../auth/actor.ts';

export const SEED_DEPARTMENT = '市民まちづくり推進部・上田地域自治C';

export async function importSeed(db: TestDb, municipality = 'ueda'): Promise<void> {
  const path = new URL('../../../../shared/seeds/000_e224602d88f71594.txt', import.meta.url);
  await importSources(db.kysely, [readSource('000_e224602d88f71594.txt', readFileSync(path))], {
    published: true,
    municipality,
  });
}

export function actor(municipalityId: number, role: Role, departmentId: number | null = null): Actor {
  return {
    userId: 7,
    login: `${role}-${departmentId ?? 'all'}`,
    municipalityId,
    grants: [{ role, departmentId }],
  };
}

export async function departmentId(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .selectFrom('department')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function municipalityIdOf(db: Kysely<Database>, departmentIdValue: number): Promise<number> {
  const row = await db
    .selectFrom('department')
    .select('municipality_id')
    .where('id', '=', departmentIdValue)
    .executeTakeFirstOrThrow();
  return row.municipality_id;
}

/** The id of goal `no` in one block of one department and fiscal year. */
export async function goalId(
  db: Kysely<Database>,
  department: number,
  fiscalYear: number,
  block: 'review' | 'plan',
  no: number,
): Promise<number> {
  const row = await db
    .selectFrom('goal')
    .innerJoin('fiscal_year as fy', 'fy.id', 'goal.fiscal_year_id')
    .select('goal.id')
    .where('goal.department_id', '=', department)
    .where('fy.year', '=', fiscalYear)
    .where('goal.block', '=', block)
    .where('goal.no', '=', no)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function itemId(db: Kysely<Database>, goal: number, no: number): Promise<number> {
  const row = await db
    .selectFrom('item')
    .select('id')
    .where('goal_id', '=', goal)
    .where('no', '=', no)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Links described by goal numbers: "continues review 2021#4 → plan 2022#6[.4]", for readable assertions. */
export async function describedLinks(
  db: Kysely<Database>,
  where: Partial<GoalLinkRow> = {},
): Promise<string[]> {
  let query = db
    .selectFrom('goal_link as l')
    .innerJoin('goal as f', 'f.id', 'l.from_goal_id')
    .innerJoin('fiscal_year as ffy', 'ffy.id', 'f.fiscal_year_id')
    .innerJoin('goal as t', 't.id', 'l.to_goal_id')
    .innerJoin('fiscal_year as tfy', 'tfy.id', 't.fiscal_year_id')
    .leftJoin('item as fi', 'fi.id', 'l.from_item_id')
    .leftJoin('item as ti', 'ti.id', 'l.to_item_id')
    .select(['l.kind', 'l.status', 'f.block as fb', 'ffy.year as fy', 'f.no as fn', 'fi.no as fin'])
    .select(['t.block as tb', 'tfy.year as ty', 't.no as tn', 'ti.no as tin']);
  if (where.status) query = query.where('l.status', '=', where.status);
  if (where.kind) query = query.where('l.kind', '=', where.kind);
  const rows = await query.execute();
  const item = (n: number | null) => (n === null ? '' : `.${n}`);
  return rows
    .map((r) => `${r.kind} ${r.fb} ${r.fy}#${r.fn}${item(r.fin)} → ${r.tb} ${r.ty}#${r.tn}${item(r.tin)}`)
    .sort();
}

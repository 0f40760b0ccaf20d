import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { BlockKind, Database } from '../../db/schema.ts';
import { phaseOfBlock } from '../workflow/phase-status.repo.ts';

/**
 * All SQL of the publication rule. A block is public once the phase that covers it is published:
 * the plan block (当年度) by 目標設定 (goal_setting), the review block (前年度) by 期末報告 (final).
 */

export interface PublishedPhaseRow {
  departmentId: number;
  year: number;
  phase: 'goal_setting' | 'final';
}

/** The published block phases of a municipality's departments (one department, when given). */
export async function publishedPhases(
  db: Kysely<Database>,
  municipalityId: number,
  departmentId?: number,
): Promise<PublishedPhaseRow[]> {
  let query = db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select(['ps.department_id as departmentId', 'fy.year as year', 'ps.phase as phase'])
    .where('fy.municipality_id', '=', municipalityId)
    .where('ps.status', '=', 'published')
    .where('ps.phase', 'in', ['goal_setting', 'final']);
  if (departmentId !== undefined) query = query.where('ps.department_id', '=', departmentId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, phase: r.phase === 'final' ? 'final' : 'goal_setting' }));
}

export async function isBlockPublished(
  db: Kysely<Database>,
  departmentId: number,
  fiscalYearId: number,
  block: BlockKind,
): Promise<boolean> {
  const row = await db
    .selectFrom('phase_status as ps')
    .select('ps.id')
    .where('ps.department_id', '=', departmentId)
    .where('ps.fiscal_year_id', '=', fiscalYearId)
    .where('ps.phase', '=', phaseOfBlock(block))
    .where('ps.status', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

/** Columns of the outer query that name a block: its department, fiscal year and kind. */
export interface BlockColumns {
  department: string;
  fiscalYear: string;
  block: string;
}

/** `phase` is the phase that publishes the block `block` names (phaseOfBlock, in SQL). */
function blockPhaseMatches(block: RawBuilder<unknown>, phase: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`((${block} = ${'plan'} and ${phase} = ${'goal_setting'}) or (${block} = ${'review'} and ${phase} = ${'final'}))`;
}

/** Correlated predicate: the block the columns name is published. The inner alias is `pub`. */
export function blockPublished(columns: BlockColumns): RawBuilder<boolean> {
  return sql<boolean>`exists (select pub.id from phase_status as pub
    where pub.department_id = ${sql.ref(columns.department)}
      and pub.fiscal_year_id = ${sql.ref(columns.fiscalYear)}
      and pub.status = ${'published'}
      and ${blockPhaseMatches(sql.ref(columns.block), sql.ref('pub.phase'))})`;
}

/**
 * Correlated predicate: both blocks of the department's fiscal year are published. Only then is
 * anything that pairs targets with results (a grade, an evaluation) public.
 */
export function yearPublished(columns: Omit<BlockColumns, 'block'>): RawBuilder<boolean> {
  // A count, not two EXISTS: PostgreSQL turns EXISTS into semi-joins and, taking the two phases as
  // independent, expects few fully public years; it then starts from them and reads every entry of
  // each (seconds at 1M search entries). A scalar subquery stays a per-row check on whatever rows the
  // query starts from (the term indexes). phase_status_unique allows one row per phase, so `>= 2`
  // means both; PostgreSQL estimates `>=` on a subquery as a third of rows, `=` as almost none,
  // and so underestimated, it sorted every hit instead of walking the display order.
  return sql<boolean>`((select count(*) from phase_status as pub
    where pub.department_id = ${sql.ref(columns.department)}
      and pub.fiscal_year_id = ${sql.ref(columns.fiscalYear)}
      and pub.status = ${'published'}
      and pub.phase in (${'goal_setting'}, ${'final'})) >= 2)`;
}

/** Fiscal years with at least one published block, newest first (every municipality). */
export async function publishedYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select('fy.year')
    .distinct()
    .where('ps.status', '=', 'published')
    .where('ps.phase', 'in', ['goal_setting', 'final'])
    .orderBy('fy.year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

export interface PublishedDepartment {
  id: number;
  name: string;
  municipality: { id: number; code: string; name: string };
}

/** Departments with at least one published block, in municipality then department order. */
export async function publishedDepartments(db: Kysely<Database>): Promise<PublishedDepartment[]> {
  const rows = await db
    .selectFrom('phase_status as ps')
    .innerJoin('department as d', 'd.id', 'ps.department_id')
    .innerJoin('municipality as m', 'm.id', 'd.municipality_id')
    .select(['d.id', 'd.name', 'm.id as municipality_id', 'm.code', 'm.name as municipality_name'])
    .distinct()
    .where('ps.status', '=', 'published')
    .where('ps.phase', 'in', ['goal_setting', 'final'])
    .orderBy('m.id')
    .orderBy('d.id')
    .execute();
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    municipality: { id: d.municipality_id, code: d.code, name: d.municipality_name },
  }));
}

/** Each municipality's fiscal years in which some department is fully public (both blocks published). */
export async function fullyPublicYears(
  db: Kysely<Database>,
): Promise<Array<{ municipalityId: number; year: number }>> {
  return db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select(['fy.municipality_id as municipalityId', 'fy.year as year'])
    .distinct()
    .where(yearPublished({ department: 'ps.department_id', fiscalYear: 'ps.fiscal_year_id' }))
    .orderBy('fy.municipality_id')
    .orderBy('fy.year')
    .execute();
}

/** Municipalities where some department's year has both blocks published (grades are public there). */
export async function municipalitiesWithPublicYear(db: Kysely<Database>): Promise<number[]> {
  const rows = await db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select('fy.municipality_id')
    .distinct()
    .where(yearPublished({ department: 'ps.department_id', fiscalYear: 'ps.fiscal_year_id' }))
    .orderBy('fy.municipality_id')
    .execute();
  return rows.map((r) => r.municipality_id);
}

/** One item's 中間報告 as the public may read it. */
export interface PublicInterimRow {
  departmentId: number;
  departmentName: string;
  year: number;
  goalNo: number;
  goalTitle: string;
  itemNo: number;
  itemText: string;
  progress: string;
  notStarted: boolean;
  publishedAt: string | null;
}

/**
 * The 中間報告 of a municipality's plan year (one department, when given), only where its interim
 * phase is published and the municipality makes interim reports public: the rule is in the query.
 */
export async function publishedInterim(
  db: Kysely<Database>,
  municipalityId: number,
  year: number,
  departmentId?: number,
): Promise<PublicInterimRow[]> {
  let query = db
    .selectFrom('interim_progress as ip')
    .innerJoin('item', 'item.id', 'ip.item_id')
    .innerJoin('goal', 'goal.id', 'item.goal_id')
    .innerJoin('department as d', 'd.id', 'ip.department_id')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ip.fiscal_year_id')
    .innerJoin('municipality as m', 'm.id', 'fy.municipality_id')
    .innerJoin('phase_status as ps', (join) =>
      join
        .onRef('ps.department_id', '=', 'ip.department_id')
        .onRef('ps.fiscal_year_id', '=', 'ip.fiscal_year_id')
        .on('ps.phase', '=', 'interim')
        .on('ps.status', '=', 'published'),
    )
    .select([
      'd.id as departmentId',
      'd.name as departmentName',
      'fy.year as year',
      'goal.no as goalNo',
      'goal.title as goalTitle',
      'item.no as itemNo',
      'item.text as itemText',
      'ip.text as progress',
      'ip.not_started as notStarted',
      'ps.published_at as publishedAt',
    ])
    .where('m.id', '=', municipalityId)
    .where('m.interim_public', '=', 1)
    .where('fy.year', '=', year)
    .where('goal.block', '=', 'plan')
    .orderBy('d.id')
    .orderBy('goal.no')
    .orderBy('item.no');
  if (departmentId !== undefined) query = query.where('ip.department_id', '=', departmentId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, notStarted: r.notStarted === 1 }));
}

/** Whether the department's 中間報告 of the year is published (whatever the municipality's setting). */
export async function isInterimPublished(
  db: Kysely<Database>,
  departmentId: number,
  year: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select('ps.id')
    .where('ps.department_id', '=', departmentId)
    .where('fy.year', '=', year)
    .where('ps.phase', '=', 'interim')
    .where('ps.status', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

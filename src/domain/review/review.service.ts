import type { Kysely } from 'kysely';
import type { Database, Phase, PhaseState } from '../../db/schema.ts';
import type { NotificationRow } from '../../db/tables/workflow.ts';
import { AppError } from '../../errors.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import type { Actor } from '../auth/actor.ts';
import { type Action, can } from '../auth/policy.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { loadDocument } from '../document/document.service.ts';
import { evaluateDepartmentYear, type GoalEvaluation } from '../evaluation/index.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
import { isBlockPublished } from '../publication/publication.repo.ts';
import { loadPhaseContent, type PhaseContent } from './content.repo.ts';
import { diffContent, type GoalChange } from './content-diff.ts';
import { lastReturned, phaseState, yearsOf } from './snapshot.repo.ts';

/** Who may read a phase before it is public: whoever may move it on, and the department's editors. */
const REVIEWERS: readonly Action[] = [
  'workflow.approve',
  'workflow.accept',
  'workflow.publish',
  'workflow.submit',
];

export type { ContentGoal } from './content.repo.ts';

export interface ReviewInput {
  departmentId: number;
  year: number;
  phase: Phase;
}

export interface PhaseReview {
  department: { id: number; name: string; municipalityId: number };
  year: number;
  phase: Phase;
  status: PhaseState | undefined;
  /** The 一覧表 the block will be published in (目標設定, 期末報告); the other block only if it is public. */
  table?: { planYear: number; document: IchiranDocument; otherBlockHidden: boolean };
  /** The content itself (every phase; the 中間報告 is shown from it). */
  content: PhaseContent;
  /** Since the version last returned (差し戻し), with the comment it was returned with. */
  sinceReturn?: { comment: string | null; by: string; at: string; changes: GoalChange[] };
  /** 目標設定: from last year's plan. */
  sinceLastYear?: { year: number; changes: GoalChange[] };
  /** 期末報告: each target beside its result and computed grade. */
  results?: GoalEvaluation[];
}

/** Whether the actor may read this department's phases before they are public. */
export function mayReview(actor: Actor, scope: { municipalityId: number; departmentId: number }): boolean {
  return REVIEWERS.some((action) => can(actor, action, scope));
}

/** Refuses (FORBIDDEN) anyone who may neither move this phase on nor edit it. */
export function authorizeReview(actor: Actor, scope: { municipalityId: number; departmentId: number }): void {
  if (!mayReview(actor, scope)) {
    throw new AppError('FORBIDDEN', `${actor.login} may not review department ${scope.departmentId}`, {
      field: `department ${scope.departmentId}`,
    });
  }
}

/** Everything a reviewer needs to judge one phase of a department's year: read-only, drafts included. */
export async function reviewPhase(
  db: Kysely<Database>,
  actor: Actor,
  input: ReviewInput,
): Promise<PhaseReview> {
  const department = await getDepartment(db, input.departmentId);
  if (!department || department.parent_id !== null) {
    throw new AppError('NOT_FOUND', 'no such department', { field: 'department' });
  }
  authorizeReview(actor, { municipalityId: department.municipality_id, departmentId: department.id });
  const fiscalYearId = await findFiscalYearId(db, department.municipality_id, input.year);
  if (fiscalYearId === undefined) {
    throw new AppError('NOT_FOUND', 'この年度はまだ開始されていません（企画が年度を開始します）。', {
      field: 'year',
    });
  }
  const key = { departmentId: department.id, fiscalYearId, phase: input.phase };
  const content = await loadPhaseContent(db, department.id, fiscalYearId, input.phase);
  const returned = await lastReturned(db, key);
  return {
    department: { id: department.id, name: department.name, municipalityId: department.municipality_id },
    year: input.year,
    phase: input.phase,
    status: await phaseState(db, key),
    content,
    table: input.phase === 'interim' ? undefined : await tableOf(db, department, input.year, input.phase),
    sinceReturn: returned
      ? {
          comment: returned.comment,
          by: returned.by,
          at: returned.at,
          changes: diffContent(returned.content, content),
        }
      : undefined,
    sinceLastYear:
      input.phase === 'goal_setting' ? await sinceLastYear(db, department, input.year, content) : undefined,
    results: input.phase === 'final' ? await resultsOf(db, department.id, input.year) : undefined,
  };
}

async function tableOf(
  db: Kysely<Database>,
  department: { id: number; municipality_id: number; name: string },
  year: number,
  phase: Exclude<Phase, 'interim'>,
): Promise<PhaseReview['table']> {
  // The plan block of Y is published in the table of plan year Y; the review block of Y in that of Y+1.
  const planYear = phase === 'final' ? year + 1 : year;
  let document: IchiranDocument;
  try {
    // A reviewer reads what will be published: the drafts and submissions, explicitly.
    document = await loadDocument(db, department, planYear, { includeDrafts: true });
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
  const other = phase === 'final' ? 'plan' : 'review';
  const otherYearId = await findFiscalYearId(
    db,
    department.municipality_id,
    other === 'plan' ? planYear : planYear - 1,
  );
  const otherPublished =
    otherYearId !== undefined && (await isBlockPublished(db, department.id, otherYearId, other));
  if (!otherPublished) document = { ...document, [other]: { ...document[other], goals: [] } };
  return { planYear, document, otherBlockHidden: !otherPublished };
}

async function sinceLastYear(
  db: Kysely<Database>,
  department: { id: number; municipality_id: number },
  year: number,
  content: PhaseContent,
): Promise<PhaseReview['sinceLastYear']> {
  const lastYearId = await findFiscalYearId(db, department.municipality_id, year - 1);
  if (lastYearId === undefined) return undefined;
  const last = await loadPhaseContent(db, department.id, lastYearId, 'goal_setting');
  if (last.goals.length === 0) return undefined;
  return { year: year - 1, changes: diffContent(last, content) };
}

/** Review pages for inbox entries about a phase the actor may review, by notification id. */
export async function reviewLinksOf(
  db: Kysely<Database>,
  actor: Actor,
  entries: readonly NotificationRow[],
  href: (departmentId: number, year: number, phase: Phase) => string,
): Promise<Map<number, string>> {
  const about = entries.filter(
    (n) =>
      n.department_id !== null &&
      n.fiscal_year_id !== null &&
      n.phase !== null &&
      mayReview(actor, { municipalityId: n.municipality_id, departmentId: n.department_id }),
  );
  const years = await yearsOf(
    db,
    about.map((n) => n.fiscal_year_id as number),
  );
  const links = new Map<number, string>();
  for (const n of about) {
    const year = years.get(n.fiscal_year_id as number);
    if (year !== undefined && n.department_id !== null && n.phase !== null)
      links.set(n.id, href(n.department_id, year, n.phase));
  }
  return links;
}

/** Targets of the year against its results; a year without planned goals has none to show. */
async function resultsOf(
  db: Kysely<Database>,
  departmentId: number,
  year: number,
): Promise<GoalEvaluation[]> {
  try {
    return (await evaluateDepartmentYear(db, departmentId, year)).goals;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return [];
    throw error;
  }
}

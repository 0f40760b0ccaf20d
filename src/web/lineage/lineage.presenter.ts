import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { goalsAcrossYears, type ThreadStep } from '../../domain/lineage/across-years.service.ts';
import { type DiffSegment, diffWords } from '../../domain/lineage/diff.ts';
import { requireMunicipality, requireTopDepartment } from '../dashboard/publication.ts';
import type { DepartmentRef, MunicipalityRef } from '../view-models.ts';

export type LineageMark = 'continued' | 'new' | 'ended';

export interface LineageStepView {
  year: number;
  /** The wording shown for the year: as planned, else as reported. */
  title: string;
  /** 重点目標 number in that year's table. */
  no: number;
  /** The plan year of the table that shows it (the next year's, for a goal only reported). */
  tableYear: number;
  marks: LineageMark[];
  /** Word diff from the previous year's wording, when the thread has the year before. */
  diff: DiffSegment[] | null;
}

export interface LineageView {
  municipality: MunicipalityRef;
  department: DepartmentRef;
  years: number[];
  threads: Array<{ title: string; steps: LineageStepView[] }>;
}

/**
 * A department's goals across the stored years, public blocks only: a plan goal shows once its
 * table is published, a reported goal once the achievements are, and 終了 only when the next
 * year's published plan lacks it (an unpublished plan must not give away what it drops).
 */
export async function presentLineage(
  db: Kysely<Database>,
  code: string,
  departmentId: number,
): Promise<LineageView> {
  const municipality = await requireMunicipality(db, code);
  const department = await requireTopDepartment(db, municipality, departmentId);
  const history = await goalsAcrossYears(db, department.id);
  const published = await publishedPhases(db, municipality.id);
  const isPublic = (depId: number, year: number, phase: string) => published.has(`${depId}/${year}/${phase}`);
  const visible = (s: ThreadStep): ThreadStep => ({
    ...s,
    plan: s.plan && isPublic(s.plan.departmentId, s.fiscalYear, 'goal_setting') ? s.plan : null,
    review: s.review && isPublic(s.review.departmentId, s.fiscalYear, 'final') ? s.review : null,
  });
  const threads = history.threads
    .map((t) => t.steps.map(visible).filter((s) => s.plan !== null || s.review !== null))
    .filter((steps) => steps.length > 0)
    .map((steps) => {
      const views = steps.map((s, i) =>
        stepView(s, steps[i - 1], (y) => isPublic(department.id, y, 'goal_setting')),
      );
      return { title: views[views.length - 1]?.title ?? '', steps: views };
    });
  const years = [...new Set(threads.flatMap((t) => t.steps.map((s) => s.year)))].sort((a, b) => a - b);
  return {
    municipality: { code: municipality.code, name: municipality.name },
    department: { id: department.id, name: department.name },
    years,
    threads,
  };
}

/** `${departmentId}/${year}/${phase}` of every published block: plan = goal_setting, review = final. */
async function publishedPhases(db: Kysely<Database>, municipalityId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('phase_status as ps')
    .innerJoin('fiscal_year as fy', 'fy.id', 'ps.fiscal_year_id')
    .select(['ps.department_id as departmentId', 'fy.year as year', 'ps.phase as phase'])
    .where('fy.municipality_id', '=', municipalityId)
    .where('ps.status', '=', 'published')
    .execute();
  return new Set(rows.map((r) => `${r.departmentId}/${r.year}/${r.phase}`));
}

function stepView(
  step: ThreadStep,
  previous: ThreadStep | undefined,
  planPublished: (year: number) => boolean,
): LineageStepView {
  const goal = step.plan ?? step.review;
  const title = goal?.title ?? '';
  const marks: LineageMark[] = [];
  if (step.plan && step.arrival) marks.push(step.arrival);
  if (step.departure === 'ended' && planPublished(step.fiscalYear + 1)) marks.push('ended');
  const before = previous ? (previous.plan ?? previous.review)?.title : undefined;
  const consecutive = previous !== undefined && previous.fiscalYear + 1 === step.fiscalYear;
  return {
    year: step.fiscalYear,
    title,
    no: goal?.no ?? 0,
    tableYear: step.plan ? step.fiscalYear : step.fiscalYear + 1,
    marks,
    diff: consecutive && before !== undefined ? diffWords(before, title) : null,
  };
}

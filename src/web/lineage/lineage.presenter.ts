import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ThreadStep } from '../../domain/lineage/across-years.service.ts';
import { type DiffSegment, diffWords } from '../../domain/lineage/diff.ts';
import { openPublicReader } from '../../domain/publication/reader.ts';
import type { DepartmentRef, MunicipalityRef } from '../../views/view-models.ts';

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
  const reader = await openPublicReader(db, code);
  const { municipality } = reader;
  const department = await reader.department(departmentId);
  const history = await reader.lineage(department);
  const threads = history.threads.map((steps) => {
    const views = steps.map((s, i) => stepView(s, steps[i - 1], history.planPublished));
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

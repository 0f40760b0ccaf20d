import type { Kysely } from 'kysely';
import type { Database, DepartmentRow } from '../../db/schema.ts';
import { goalsAcrossYears, type ThreadStep } from '../lineage/across-years.service.ts';
import type { PublicationMap } from './publication.ts';

export interface PublicHistory {
  /** Each thread's steps with unpublished blocks removed; steps and threads left empty are dropped. */
  threads: ThreadStep[][];
  /** Whether the department's plan of a year is public: 終了 may only be shown against a public plan. */
  planPublished(year: number): boolean;
}

/**
 * A plan goal shows once its table is published, a reported goal once the achievements are. A
 * step keeps the department of each side, so a predecessor department's blocks follow its own phases.
 */
export async function publicGoalsAcrossYears(
  db: Kysely<Database>,
  department: DepartmentRow,
  publication: PublicationMap,
): Promise<PublicHistory> {
  const history = await goalsAcrossYears(db, department.id);
  const visible = (s: ThreadStep): ThreadStep => ({
    ...s,
    plan: s.plan && publication.blockPublic(s.plan.departmentId, s.fiscalYear, 'plan') ? s.plan : null,
    review:
      s.review && publication.blockPublic(s.review.departmentId, s.fiscalYear, 'review') ? s.review : null,
  });
  return {
    threads: history.threads
      .map((t) => t.steps.map(visible).filter((s) => s.plan !== null || s.review !== null))
      .filter((steps) => steps.length > 0),
    planPublished: (year) => publication.blockPublic(department.id, year, 'plan'),
  };
}

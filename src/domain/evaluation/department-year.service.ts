import type { Kysely } from 'kysely';
import type { Database, MunicipalityRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { type DepartmentHistory, goalsAcrossYears } from '../lineage/across-years.service.ts';
import type { PublicationMap } from '../publication/publication.ts';
import { openPublicReader } from '../publication/reader.ts';
import { evaluateDepartmentYear } from './evaluate.service.ts';
import type { DepartmentEvaluation } from './evaluation.types.ts';

/** Another published year's evaluation of the department; its actuals only when its results are public. */
export interface OtherYearEvaluation {
  evaluation: DepartmentEvaluation;
  /** false: the achievements of that year are not public, so its actuals are left out. */
  actualsPublic: boolean;
}

interface DepartmentYearBase {
  municipality: MunicipalityRow;
  department: { id: number; name: string };
  year: number;
  /** The department's years with a fully published evaluation. */
  years: number[];
}

/** A department's public year: only its plan published, or plan and results with their evaluation. */
export type DepartmentYear = DepartmentYearBase &
  (
    | { publication: 'plan' }
    | {
        publication: 'full';
        evaluation: DepartmentEvaluation;
        /** The department's goals followed across years, and every published year's evaluation (this one first). */
        history: DepartmentHistory;
        evaluations: OtherYearEvaluation[];
      }
  );

/**
 * What a department's public dashboard shows for a fiscal year; NOT_FOUND when nothing of the year is
 * published. Unpublished figures are never read: the public reader decides what is public.
 */
export async function loadDepartmentYear(
  db: Kysely<Database>,
  code: string,
  departmentId: number,
  year: number,
): Promise<DepartmentYear> {
  const reader = await openPublicReader(db, code);
  const department = await reader.department(departmentId);
  const publication = await reader.publication(department.id);
  const state = publication.of(department.id, year);
  if (state === 'none') throw new AppError('NOT_FOUND', `no published table for ${year}`);
  const base = {
    municipality: reader.municipality,
    department: { id: department.id, name: department.name },
    year,
    years: publication.fullYears(),
  };
  if (state === 'plan') return { ...base, publication: 'plan' };
  const evaluation = await evaluateDepartmentYear(db, department.id, year);
  return {
    ...base,
    publication: 'full',
    evaluation,
    history: await goalsAcrossYears(db, department.id),
    evaluations: await yearEvaluations(db, department.id, publication, year, evaluation),
  };
}

async function yearEvaluations(
  db: Kysely<Database>,
  departmentId: number,
  publication: PublicationMap,
  shownYear: number,
  shown: DepartmentEvaluation,
): Promise<OtherYearEvaluation[]> {
  const result: OtherYearEvaluation[] = [{ evaluation: shown, actualsPublic: true }];
  for (const { year, state } of publication.entries()) {
    if (year === shownYear) continue;
    const evaluation = await evaluateDepartmentYear(db, departmentId, year).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return undefined;
      throw error;
    });
    if (evaluation) result.push({ evaluation, actualsPublic: state === 'full' });
  }
  return result;
}

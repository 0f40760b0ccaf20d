import type { Kysely } from 'kysely';
import type { Database, MunicipalityRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import type { Publication } from '../publication/publication.ts';
import { openPublicReader } from '../publication/reader.ts';
import { evaluateDepartmentYear } from './evaluate.service.ts';
import type { DepartmentEvaluation } from './evaluation.types.ts';

/** One department of the city's year: evaluated only when its plan and review are both published. */
export type CityYearDepartment = { id: number; name: string } & (
  | { state: Exclude<Publication, 'full'> }
  | { state: 'full'; evaluation: DepartmentEvaluation }
);

export interface CityYear {
  municipality: MunicipalityRow;
  /** The years with a fully published evaluation. */
  years: number[];
  departments: CityYearDepartment[];
}

/**
 * The public evaluation of a city's fiscal year, department by department in their order; NOT_FOUND when
 * the year has no fully published evaluation. Unpublished figures are never read.
 */
export async function loadCityYear(db: Kysely<Database>, code: string, year: number): Promise<CityYear> {
  const reader = await openPublicReader(db, code);
  const { municipality } = reader;
  const publication = await reader.publication();
  const years = publication.fullYears();
  if (!years.includes(year)) throw new AppError('NOT_FOUND', `no published evaluation for ${year}`);
  const departments: CityYearDepartment[] = [];
  for (const department of await listTopDepartments(db, municipality.id)) {
    const state = publication.of(department.id, year);
    const { id, name } = department;
    departments.push(
      state === 'full'
        ? { id, name, state, evaluation: await evaluateDepartmentYear(db, id, year) }
        : { id, name, state },
    );
  }
  return { municipality, years, departments };
}

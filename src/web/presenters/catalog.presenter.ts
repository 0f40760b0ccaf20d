import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { getDepartment, listTopDepartments } from '../../domain/departments/department.repo.ts';
import { listPlanYears, loadDocument } from '../../domain/document/document.service.ts';
import { findMunicipality, listMunicipalities } from '../../domain/municipalities/municipality.repo.ts';
import { AppError } from '../../errors.ts';
import { ichiranMarks } from '../evaluation/ichiran-marks.ts';

/** Public pages show published blocks only. */
const PUBLIC = { publishedOnly: true } as const;

import { type IchiranhyoView, type IndexView, urls } from '../view-models.ts';

export async function presentIndex(db: Kysely<Database>, municipalityCode?: string): Promise<IndexView> {
  const all = await listMunicipalities(db);
  const municipalities = municipalityCode ? all.filter((m) => m.code === municipalityCode) : all;
  if (municipalityCode && municipalities.length === 0) {
    throw new AppError('NOT_FOUND', `no municipality "${municipalityCode}"`);
  }
  return {
    municipalities: await Promise.all(
      municipalities.map(async (m) => ({
        code: m.code,
        name: m.name,
        departments: await Promise.all(
          (await listTopDepartments(db, m.id)).map(async (d) => ({
            id: d.id,
            name: d.name,
            planYears: await listPlanYears(db, d.id, PUBLIC),
          })),
        ),
      })),
    ),
  };
}

export async function presentIchiranhyo(
  db: Kysely<Database>,
  municipalityCode: string,
  departmentId: number,
  planYear: number,
  options: { marks?: boolean } = {},
): Promise<IchiranhyoView> {
  const municipality = await findMunicipality(db, municipalityCode);
  const department = await getDepartment(db, departmentId);
  if (
    !municipality ||
    !department ||
    department.municipality_id !== municipality.id ||
    department.parent_id !== null
  ) {
    throw new AppError('NOT_FOUND', 'no such department');
  }
  const page = urls.ichiranhyo(municipality.code, department.id, planYear);
  const marks = await ichiranMarks(db, municipality.id, department.id, planYear);
  return {
    marks: marks && {
      shown: options.marks === true,
      toggleHref: options.marks ? page : `${page}?marks=1`,
      items: options.marks ? marks : new Map(),
    },
    municipality: { code: municipality.code, name: municipality.name },
    department: { id: department.id, name: department.name },
    document: await loadDocument(db, department, planYear, PUBLIC),
    planYears: await listPlanYears(db, department.id, PUBLIC),
    jsonUrl: urls.ichiranhyoJson(municipality.code, department.id, planYear),
  };
}

import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listTopDepartments } from '../domain/departments/department.repo.ts';
import { listMunicipalities } from '../domain/municipalities/municipality.repo.ts';
import { openPublicReader, publicReader } from '../domain/publication/reader.ts';
import { AppError } from '../errors.ts';
import { type IchiranhyoView, type IndexView, urls } from '../views/view-models.ts';
import { ichiranMarks } from './ichiran-marks.ts';

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
            planYears: await publicReader(db, m).planYears(d.id),
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
  const reader = await openPublicReader(db, municipalityCode);
  const { municipality } = reader;
  const department = await reader.department(departmentId);
  const page = urls.ichiranhyo(municipality.code, department.id, planYear);
  const marks = await ichiranMarks(reader, department.id, planYear);
  const table = await reader.table(department, planYear);
  return {
    marks: marks && {
      shown: options.marks === true,
      toggleHref: options.marks ? page : `${page}?marks=1`,
      items: options.marks ? marks : new Map(),
    },
    municipality: { code: municipality.code, name: municipality.name },
    department: { id: department.id, name: department.name },
    document: table.document,
    lineagePairs: table.lineagePairs,
    planYears: await reader.planYears(department.id),
    jsonUrl: urls.ichiranhyoJson(municipality.code, department.id, planYear),
    interim: await reader.interim(department.id, planYear),
  };
}

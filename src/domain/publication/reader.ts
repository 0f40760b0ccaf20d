import type { Kysely } from 'kysely';
import type { Database, DepartmentRow, MunicipalityRow } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { IchiranDocument } from '../../format/document.schema.ts';
import { getDepartment } from '../departments/department.repo.ts';
import { type LoadedTable, listPlanYears, loadTable } from '../document/document.service.ts';
import { findMunicipality } from '../municipalities/municipality.repo.ts';
import { type PublicHistory, publicGoalsAcrossYears } from './public-lineage.ts';
import {
  isInterimPublished,
  type PublicInterimRow,
  publishedInterim,
  publishedPhases,
} from './publication.repo.ts';
import { PublicationMap } from './publication.ts';

/** Staff code asks for drafts in so many words; there is no default that includes them. */
export interface DraftAccess {
  readonly includeDrafts: true;
}

/** Who a table is read for: the public (published blocks only) or staff that asked for drafts. */
export type Audience = 'public' | DraftAccess;

/** Reads the 一覧表 of one municipality, for one audience. */
export interface TableReader {
  readonly db: Kysely<Database>;
  readonly municipality: MunicipalityRow;
  readonly includesDrafts: boolean;
  /** A department's table for a plan year, with its lineage pairing; NOT_FOUND when the audience sees nothing of it. */
  table(department: DepartmentRow, planYear: number): Promise<LoadedTable>;
  /** The interchange document of table() alone (for JSON, CSV and the like). */
  document(department: DepartmentRow, planYear: number): Promise<IchiranDocument>;
  /** Plan years for which the audience sees at least one block of the department. */
  planYears(departmentId: number): Promise<number[]>;
}

/**
 * What the public may know of a plan year's 中間報告: `internal` when the municipality keeps interim
 * reports internal, `unpublished` until the phase is published, else the items' progress.
 */
export type PublicInterim =
  | { status: 'internal' }
  | { status: 'unpublished' }
  | { status: 'published'; publishedAt: string | null; rows: PublicInterimRow[] };

/** The only way public pages, APIs and exports read tables: it has no way to return a draft. */
export interface PublicReader extends TableReader {
  readonly includesDrafts: false;
  /** A top-level department of this municipality, else NOT_FOUND. */
  department(departmentId: number): Promise<DepartmentRow>;
  /** Published blocks of the municipality (or one department of it). */
  publication(departmentId?: number): Promise<PublicationMap>;
  /** A department's goals across the years, published blocks only. */
  lineage(department: DepartmentRow): Promise<PublicHistory>;
  /** A department's 中間報告 of a plan year, as far as the public may see it. */
  interim(departmentId: number, year: number): Promise<PublicInterim>;
  /** Every published 中間報告 row of the plan year (none when the municipality keeps them internal). */
  interimRows(year: number, departmentId?: number): Promise<PublicInterimRow[]>;
}

export function publicReader(db: Kysely<Database>, municipality: MunicipalityRow): PublicReader {
  const access = { includeDrafts: false };
  return {
    db,
    municipality,
    includesDrafts: false,
    table: (department, planYear) => loadTable(db, ownDepartment(municipality, department), planYear, access),
    document: async (department, planYear) =>
      (await loadTable(db, ownDepartment(municipality, department), planYear, access)).document,
    planYears: (departmentId) => listPlanYears(db, departmentId, access),
    department: async (departmentId) => {
      const department = await getDepartment(db, departmentId);
      if (!department || department.municipality_id !== municipality.id || department.parent_id !== null) {
        throw new AppError('NOT_FOUND', 'no such department');
      }
      return department;
    },
    publication: async (departmentId) =>
      new PublicationMap(await publishedPhases(db, municipality.id, departmentId)),
    lineage: async (department) =>
      publicGoalsAcrossYears(
        db,
        ownDepartment(municipality, department),
        new PublicationMap(await publishedPhases(db, municipality.id)),
      ),
    interim: async (departmentId, year) => {
      if (municipality.interim_public !== 1) return { status: 'internal' };
      if (!(await isInterimPublished(db, departmentId, year))) return { status: 'unpublished' };
      const rows = await publishedInterim(db, municipality.id, year, departmentId);
      return { status: 'published', publishedAt: rows[0]?.publishedAt ?? null, rows };
    },
    interimRows: (year, departmentId) => publishedInterim(db, municipality.id, year, departmentId),
  };
}

/** The public reader of a municipality named by code (or name); NOT_FOUND when there is none. */
export async function openPublicReader(db: Kysely<Database>, code: string): Promise<PublicReader> {
  const municipality = await findMunicipality(db, code);
  if (!municipality) throw new AppError('NOT_FOUND', `no municipality "${code}"`);
  return publicReader(db, municipality);
}

/** Staff paths (the CLI export, editors) read drafts too, and must say so. */
export function staffReader(
  db: Kysely<Database>,
  municipality: MunicipalityRow,
  access: DraftAccess,
): TableReader {
  return {
    db,
    municipality,
    includesDrafts: true,
    table: (department, planYear) => loadTable(db, ownDepartment(municipality, department), planYear, access),
    document: async (department, planYear) =>
      (await loadTable(db, ownDepartment(municipality, department), planYear, access)).document,
    planYears: (departmentId) => listPlanYears(db, departmentId, access),
  };
}

export function readerFor(
  db: Kysely<Database>,
  municipality: MunicipalityRow,
  audience: Audience,
): TableReader {
  return audience === 'public' ? publicReader(db, municipality) : staffReader(db, municipality, audience);
}

function ownDepartment(municipality: MunicipalityRow, department: DepartmentRow): DepartmentRow {
  if (department.municipality_id !== municipality.id) throw new AppError('NOT_FOUND', 'no such department');
  return department;
}

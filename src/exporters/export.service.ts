import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { listTopDepartments } from '../domain/departments/department.repo.ts';
import { requireDepartment } from '../domain/departments/department.service.ts';
import { findExistingMunicipality } from '../domain/municipalities/municipality.service.ts';
import { type Audience, readerFor } from '../domain/publication/reader.ts';
import { AppError } from '../errors.ts';
import { type CsvTableName, exportCsv } from './csv/csv.exporter.ts';
import type { CsvEncoding } from './csv/csv-format.ts';
import { exportHtml } from './html/html.exporter.ts';
import { exportPdf } from './pdf/pdf.exporter.ts';
import type { ExportOutput, TableExport } from './types.ts';
import { writeWorkbook } from './xlsx/write-workbook.ts';

export const exportFormats = ['json', 'xlsx', 'pdf', 'csv', 'html'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface TableSelection {
  municipality?: string;
  /** A department's name or id; undefined = every department that has a table for the plan year. */
  department?: string;
  planYear: number;
  /** Required: public routes pass 'public'; only staff paths pass { includeDrafts: true }. */
  audience: Audience;
}

export interface ExportRequest extends TableSelection {
  format: ExportFormat;
  /** csv only: the items table (default) or the quantities table. */
  table?: CsvTableName;
  /** csv only: UTF-8 with BOM (default) or CP932. */
  encoding?: CsvEncoding;
}

/** Loads the tables a selection names, in department order. */
export async function loadTables(db: Kysely<Database>, selection: TableSelection): Promise<TableExport[]> {
  const municipality = await findExistingMunicipality(db, selection.municipality);
  const ref = { code: municipality.code, name: municipality.name, localGovCode: municipality.local_gov_code };
  const reader = readerFor(db, municipality, selection.audience);
  if (selection.department !== undefined) {
    const department = await requireDepartment(db, municipality.id, selection.department);
    const { document, lineagePairs } = await reader.table(department, selection.planYear);
    return [
      { municipality: ref, department: { id: department.id, name: department.name }, document, lineagePairs },
    ];
  }
  const tables: TableExport[] = [];
  for (const department of await listTopDepartments(db, municipality.id)) {
    const years = await reader.planYears(department.id);
    if (!years.includes(selection.planYear)) continue;
    const { document, lineagePairs } = await reader.table(department, selection.planYear);
    tables.push({
      municipality: ref,
      department: { id: department.id, name: department.name },
      document,
      lineagePairs,
    });
  }
  if (tables.length === 0) {
    throw new AppError('NOT_FOUND', `no table of ${municipality.name} for plan year ${selection.planYear}`, {
      field: 'planYear',
    });
  }
  return tables;
}

export async function exportTables(db: Kysely<Database>, request: ExportRequest): Promise<ExportOutput> {
  const tables = await loadTables(db, request);
  switch (request.format) {
    case 'json': {
      const documents = tables.map((t) => t.document);
      const value = request.department === undefined ? documents : documents[0];
      return {
        contentType: 'application/json; charset=utf-8',
        extension: 'json',
        body: `${JSON.stringify(value, null, 2)}\n`,
      };
    }
    case 'xlsx':
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        extension: 'xlsx',
        body: await writeWorkbook(tables),
      };
    case 'pdf':
      return exportPdf(tables);
    case 'html':
      return exportHtml(tables);
    case 'csv':
      return exportCsv(tables, { table: request.table ?? 'items', encoding: request.encoding ?? 'utf8' });
    default:
      throw new AppError('INVALID_INPUT', `unknown format "${String(request.format)}"`, { field: 'format' });
  }
}

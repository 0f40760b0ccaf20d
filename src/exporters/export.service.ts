import type { Db } from '../db/database.ts';
import { requireDepartment } from '../domain/departments/department.service.ts';
import { loadDocument } from '../domain/document/document.service.ts';
import { findExistingMunicipality } from '../domain/municipalities/municipality.service.ts';
import { AppError } from '../errors.ts';

export const exportFormats = ['json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportRequest {
  municipality?: string;
  department: string;
  planYear: number;
  format: ExportFormat;
}

export interface ExportOutput {
  contentType: string;
  body: string | Uint8Array;
}

export async function exportTable(db: Db, request: ExportRequest): Promise<ExportOutput> {
  const municipality = await findExistingMunicipality(db.kysely, request.municipality);
  const department = await requireDepartment(db.kysely, municipality.id, request.department);
  const document = await loadDocument(db.kysely, department, request.planYear);
  switch (request.format) {
    case 'json':
      return {
        contentType: 'application/json; charset=utf-8',
        body: `${JSON.stringify(document, null, 2)}\n`,
      };
    default:
      throw new AppError('INVALID_INPUT', `unknown format "${String(request.format)}"`, { field: 'format' });
  }
}

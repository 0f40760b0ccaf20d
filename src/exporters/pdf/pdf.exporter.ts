import type { ExportOutput, TableExport } from '../types.ts';
import { renderPdf } from './render-pdf.ts';

export async function exportPdf(tables: TableExport[]): Promise<ExportOutput> {
  return { contentType: 'application/pdf', extension: 'pdf', body: await renderPdf(tables) };
}

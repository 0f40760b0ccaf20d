import type { ExportOutput, TableExport } from '../types.ts';
import { renderTablesHtml } from './render-tables-html.tsx';

/** The print-ready HTML document; its stylesheets are the app's own `/assets/…`, so it is meant to be served by mokuhyo. */
export async function exportHtml(tables: TableExport[]): Promise<ExportOutput> {
  return {
    contentType: 'text/html; charset=utf-8',
    extension: 'html',
    body: await renderTablesHtml(tables),
  };
}

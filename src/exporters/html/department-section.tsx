import { FormHead } from '../../views/form-head.tsx';
import { IchiranhyoTable } from '../../views/ichiranhyo-table.tsx';
import { WarningsNotice } from '../../views/warnings-notice.tsx';
import { yearPairLabel } from '../../views/year-label.ts';
import type { TableExport } from '../types.ts';

/**
 * One department's form as on the 一覧表 page (form head, warnings, table) without the page's
 * navigation. In a whole-city book the heading is an h2 naming the department, so the PDF outline
 * and screen readers tell the sections apart.
 */
export function DepartmentSection({ table, inBook }: { table: TableExport; inBook: boolean }) {
  const doc = table.document;
  const yearLabel = yearPairLabel(doc.plan.fiscalYear);
  return (
    <>
      <FormHead department={doc.department} yearLabel={yearLabel} inBook={inBook} />
      <WarningsNotice warnings={doc.warnings} />
      <IchiranhyoTable document={doc} lineagePairs={table.lineagePairs} />
    </>
  );
}

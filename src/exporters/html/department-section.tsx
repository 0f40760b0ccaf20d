import { IchiranhyoTable } from '../../web/components/ichiranhyo-table.tsx';
import { WarningsNotice } from '../../web/components/warnings-notice.tsx';
import { yearPairLabel } from '../../web/components/year-label.ts';
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
      <div class="form-head">
        {inBook ? (
          <h2 class="form-head__title">
            重点目標一覧表<span class="visually-hidden">（{doc.department}）</span>
          </h2>
        ) : (
          <h1 class="form-head__title">重点目標一覧表</h1>
        )}
        <dl class="form-head__meta">
          <div class="form-head__dept">
            <dt>担当部局名</dt>
            <dd>{doc.department}</dd>
          </div>
          <div>
            <dt>年度</dt>
            <dd>{yearLabel}</dd>
          </div>
        </dl>
      </div>
      <WarningsNotice warnings={doc.warnings} />
      <IchiranhyoTable document={doc} />
    </>
  );
}

import { yearPairLabel } from '../../views/year-label.ts';
import type { TableExport } from '../types.ts';

/** The anchor of a department's section in a whole-city book; also the prefix of its table's ids. */
export const sectionId = (index: number): string => `d${index + 1}`;

/** Cover and 目次 of a whole-city book. Page numbers appear once the PDF renderer has counted them. */
export function FrontMatter({
  tables,
  startPages,
}: {
  tables: TableExport[];
  startPages?: readonly number[] | undefined;
}) {
  const first = tables[0];
  if (!first) return null;
  return (
    <>
      <section class="print-cover">
        <h1 class="print-cover__heading">
          <span class="print-cover__municipality">{first.municipality.name}</span>{' '}
          <span class="print-cover__title">重点目標一覧表</span>{' '}
          <span class="print-cover__year">{yearPairLabel(first.document.plan.fiscalYear)}</span>
        </h1>
        <p class="print-cover__count">{tables.length}部局</p>
      </section>
      <nav class="print-toc" aria-labelledby="toc-title">
        <h2 id="toc-title" class="print-toc__title">
          目次
        </h2>
        <ol class="print-toc__list">
          {tables.map((table, index) => (
            <li class="print-toc__entry">
              <a class="print-toc__link" href={`#${sectionId(index)}`}>
                <span class="print-toc__name">{table.department.name}</span>
                {startPages?.[index] === undefined ? null : (
                  <>
                    <span class="print-toc__leader" aria-hidden="true" />
                    <span class="print-toc__page">
                      {startPages[index]}
                      <span class="visually-hidden">ページ</span>
                    </span>
                  </>
                )}
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </>
  );
}

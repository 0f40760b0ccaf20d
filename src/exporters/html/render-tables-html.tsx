import { raw } from 'hono/html';
import { AppError } from '../../errors.ts';
import { renderPage } from '../../views/render.tsx';
import { yearPairLabel } from '../../views/year-label.ts';
import type { TableExport } from '../types.ts';
import { DepartmentSection } from './department-section.tsx';
import { FrontMatter, sectionId } from './front-matter.tsx';
import { PrintShell, type PrintToolbarLinks } from './print-shell.tsx';
import { renderFragment } from './render-fragment.ts';
import { scopeIds } from './scope-ids.ts';

export interface RenderTablesOptions {
  /** Render a cover, 目次 and one section per table even for a single table (whole-city view). Default: more than one table. */
  book?: boolean;
  /** First printed page of each table, in table order; the 目次 shows them (the PDF renderer counts them). */
  startPages?: readonly number[];
  /** Only one part of the book, so the PDF renderer can count its pages alone. */
  only?: 'front-matter' | number;
  /** Screen-only links of the web print view. */
  toolbar?: PrintToolbarLinks;
}

/**
 * A standalone, print-ready HTML document of the tables: one table as on its page, or a whole-city
 * book (cover, 目次, each department from a new page). The PDF is Chromium's print of this document.
 */
export async function renderTablesHtml(
  tables: TableExport[],
  options: RenderTablesOptions = {},
): Promise<string> {
  const first = tables[0];
  if (!first) throw new AppError('INVALID_INPUT', 'no table to render');
  const yearLabel = yearPairLabel(first.document.plan.fiscalYear);
  if (tables.length === 1 && !options.book) {
    return renderPage(
      <PrintShell
        title={`${first.document.department} ${yearLabel} 重点目標一覧表`}
        toolbar={options.toolbar}
      >
        <section class="page print-section">
          <DepartmentSection table={first} inBook={false} />
        </section>
      </PrintShell>,
    );
  }
  const parts: string[] = [];
  if (options.only === undefined || options.only === 'front-matter') {
    parts.push(await renderFragment(<FrontMatter tables={tables} startPages={options.startPages} />));
  }
  for (const [index, table] of tables.entries()) {
    if (options.only === undefined || options.only === index)
      parts.push(await renderBookSection(table, index));
  }
  return renderPage(
    <PrintShell title={`${first.municipality.name} 重点目標一覧表 ${yearLabel}`} toolbar={options.toolbar}>
      {/* Our own rendered (escaped) markup, joined after the ids were scoped per section. */}
      {raw(parts.join(''))}
    </PrintShell>,
  );
}

async function renderBookSection(table: TableExport, index: number): Promise<string> {
  const id = sectionId(index);
  const inner = scopeIds(await renderFragment(<DepartmentSection table={table} inBook />), `${id}-`);
  return renderFragment(
    <section id={id} class="page print-section print-section--break">
      {raw(inner)}
    </section>,
  );
}

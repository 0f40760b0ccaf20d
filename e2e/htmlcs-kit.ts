import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/**
 * HTML_CodeSniffer, the second accessibility engine beside axe-core. It runs in the page (the file
 * comes from node_modules, nothing is downloaded) with its WCAG2AA standard, and only its errors
 * count: its warnings and notices are "check by hand" prompts, raised on every page whatever it holds.
 *
 * One narrowly scoped exclusion, for the 一覧表 (table.ichiran) only. HTMLCS's H43.IncorrectAttr
 * expects a data cell's `headers` to be exactly every th in the cell's grid row and grid column,
 * anywhere in the table. In the 一覧表 each goal is a row group (tbody) whose title row holds th
 * cells, so that model would have an item of goal 1 headed by the titles of goals 2, 3, 4… below and
 * above it, and it ignores the goal number's scope="rowgroup". HTML's own table model (the header
 * block ends at the next data cells) and the form agree with what the cells list. So a message is
 * dropped only when the difference is exactly that: every id HTMLCS wants but the cell lacks is a
 * th of another goal's row group, and every id the cell lists but HTMLCS does not want is its own
 * goal's number th with scope="rowgroup". Any other difference (a missing column or block heading,
 * a wrong goal, a dangling id) still fails. src/views/table-ids.test.tsx checks the same
 * associations on the rendered markup.
 */
const HTMLCS_PATH = createRequire(import.meta.url).resolve('html_codesniffer/build/HTMLCS.js');

interface HtmlcsGlobal {
  HTMLCS: {
    process(standard: string, content: Document, done: () => void, failed: () => void, lang: string): void;
    getMessages(): Array<{ type: number; code: string; msg: string; element: Element | Document }>;
  };
}

/** WCAG2AA errors on the page, one line each (code, message, where), less the exclusion above. */
export async function htmlcsErrors(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: HTMLCS_PATH });
  // No named helper functions inside evaluate: tsx would wrap them in a __name() the page lacks.
  return page.evaluate(async () => {
    const { HTMLCS } = globalThis as unknown as HtmlcsGlobal;
    await new Promise<void>((resolve, reject) =>
      HTMLCS.process('WCAG2AA', document, resolve, () => reject(new Error('HTMLCS failed')), 'en'),
    );
    const ERROR = 1;
    return HTMLCS.getMessages()
      .filter((m) => m.type === ERROR)
      .filter((m) => {
        const cell = m.element;
        if (!m.code.endsWith('H43.IncorrectAttr') || !(cell instanceof HTMLTableCellElement)) return true;
        const table = cell.closest('table.ichiran');
        const group = cell.closest('tbody.goal');
        const found = /Expected "([^"]*)" but found "([^"]*)"/.exec(m.msg);
        if (!table || !group || !found) return true;
        const expected = new Set((found[1] ?? '').split(/\s+/).filter(Boolean));
        const actual = new Set((found[2] ?? '').split(/\s+/).filter(Boolean));
        const otherGoals = [...expected]
          .filter((id) => !actual.has(id))
          .every((id) => {
            const header = table.querySelector(`th#${CSS.escape(id)}`);
            return (
              header !== null && header.closest('tbody.goal') !== null && header.closest('tbody') !== group
            );
          });
        const ownRowGroup = [...actual]
          .filter((id) => !expected.has(id))
          .every((id) => {
            const header = table.querySelector(`th#${CSS.escape(id)}`);
            return header?.getAttribute('scope') === 'rowgroup' && header.closest('tbody') === group;
          });
        return !(otherGoals && ownRowGroup);
      })
      .map((m) => {
        const path: string[] = [];
        for (
          let n = m.element instanceof Element ? m.element : null;
          n && n !== document.body;
          n = n.parentElement
        ) {
          const id = n.id ? `#${n.id}` : '';
          const cls = n.classList.length > 0 ? `.${Array.from(n.classList).join('.')}` : '';
          path.unshift(`${n.localName}${id}${cls}`);
          if (id) break;
        }
        return `${m.code}: ${m.msg} (${path.join(' > ') || 'document'})`;
      });
  });
}

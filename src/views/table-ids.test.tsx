import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { IchiranDocument } from '../format/document.schema.ts';
import { makeDocument, makeGoal, makeItem } from '../test-support/factories.ts';
import { IchiranhyoTable } from './ichiranhyo-table.tsx';
import { renderPage } from './render.tsx';

/**
 * The 一覧表's `headers` associations (WCAG H43) on the rendered markup: every data cell lists the
 * header cells that apply to it (block, column, goal number, that side's goal title), and no id that
 * is not a header cell of the same table.
 */

const attrs = (tag: string): Map<string, string> =>
  new Map([...tag.matchAll(/\s([a-z-]+)="([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']));
const cellsOf = (html: string, name: 'th' | 'td') =>
  [...html.matchAll(new RegExp(`<${name}(?=[\\s>])[^>]*>`, 'g'))].map((m) => attrs(m[0]));
const tokens = (value: string | undefined) => (value ?? '').split(/\s+/).filter(Boolean);

async function render(doc: IchiranDocument, idPrefix = ''): Promise<string> {
  return renderPage(<IchiranhyoTable document={doc} idPrefix={idPrefix} />);
}

/** Goal 2 only on the plan side, goal 3 only on the review side, uneven item counts. */
function unevenDocument(): IchiranDocument {
  const seed = makeDocument();
  return {
    ...seed,
    review: {
      ...seed.review,
      goals: [seed.review.goals[0] ?? assert.fail(), makeGoal(3, [makeItem(1), makeItem(2), makeItem(3)])],
    },
    plan: { ...seed.plan, goals: [makeGoal(1, [makeItem(1)]), makeGoal(2, [makeItem(1), makeItem(2)])] },
  };
}

function checkTable(html: string, prefix: string) {
  const thIds = new Set(cellsOf(html, 'th').map((th) => th.get('id') ?? assert.fail('a th without id')));
  const [head = '', ...groups] = html.split('<tbody');
  assert.ok(groups.length > 0, 'goal row groups');
  for (const th of cellsOf(head, 'th')) {
    for (const id of tokens(th.get('headers'))) assert.ok(thIds.has(id), `thead header ${id} exists`);
  }
  let dataCells = 0;
  for (const group of groups) {
    const no = /<th class="goal__no" scope="rowgroup" id="[^"]*th-row-(\d+)"/.exec(group)?.[1];
    assert.ok(no, 'each goal group starts with its number header');
    for (const th of cellsOf(group, 'th')) {
      for (const id of tokens(th.get('headers')))
        assert.ok(thIds.has(id), `goal ${no}: title header ${id} exists`);
    }
    for (const td of cellsOf(group, 'td')) {
      dataCells += 1;
      const headers = tokens(td.get('headers'));
      const cls = td.get('class') ?? '';
      for (const id of headers) assert.ok(thIds.has(id), `goal ${no}: ${id} is a header cell of this table`);
      const block = /\b(review|plan)\b/.exec(cls)?.[1];
      const expected: string[] = cls.includes('goal__no-cont')
        ? [`${prefix}th-no`, `${prefix}th-row-${no}`]
        : [
            `${prefix}th-${block}`,
            `${prefix}th-${block}-${cls.startsWith('item') ? 'item' : 'note'}`,
            `${prefix}th-row-${no}`,
            `${prefix}th-row-${no}-${block}`,
          ];
      assert.deepEqual([...headers].sort(), expected.sort(), `goal ${no}: td.${cls}`);
    }
  }
  assert.ok(dataCells > 0, 'data cells checked');
}

test('every data cell of the seed document lists its block, column, goal number and goal title', async () => {
  checkTable(await render(makeDocument()), '');
});

test('a side without the goal, and uneven item counts, still head every cell', async () => {
  const html = await render(unevenDocument());
  checkTable(html, '');
  assert.match(html, /<th[^>]*id="th-row-2-review"[^>]*>.*?この年度のこの番号の重点目標はありません/s);
  assert.match(html, /<th[^>]*id="th-row-3-plan"/);
});

test('several tables on one page: prefixed ids, each table referring only to its own headers', async () => {
  const first = await render(makeDocument(), 'doc1-');
  const second = await render(unevenDocument(), 'doc2-');
  checkTable(first, 'doc1-');
  checkTable(second, 'doc2-');
  const ids = [...`${first}${second}`.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(new Set(ids).size, ids.length, 'ids unique on the page');
});

test('the check fails on a cell that lacks a header', async () => {
  const html = (await render(makeDocument())).replace(
    'headers="th-review th-review-item ',
    'headers="th-review ',
  );
  assert.throws(() => checkTable(html, ''), /goal 1: td\.item/);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { documentSchema, type IchiranDocument } from '../format/document.schema.ts';
import { fillQuantities } from './fill.ts';

function sampleDoc(): IchiranDocument {
  return {
    department: '市民課',
    review: {
      fiscalYear: 2021,
      goals: [
        {
          no: 1,
          title: 'マイナンバーカードの交付',
          items: [
            { no: 1, text: '交付', achievement: '年22回 3/13まで1,067件交付', target: '99件' },
            { no: 2, text: '窓口', quantities: [{ value: 1, unit: '回', comparator: '=' }] },
          ],
        },
      ],
    },
    plan: {
      fiscalYear: 2022,
      goals: [
        {
          no: 1,
          title: 'マイナンバーカードの交付',
          items: [{ no: 1, text: '交付', target: '年度末まで ・80%を目指す', achievement: '12件' }],
        },
      ],
    },
    warnings: [{ message: 'kept' }],
  };
}

describe('fillQuantities', () => {
  it('reads review items from achievement and plan items from target', () => {
    const filled = fillQuantities(sampleDoc());
    assert.deepEqual(filled.review.goals[0]?.items[0]?.quantities, [
      { value: 22, unit: '回', comparator: '=', text: '22回' },
      { value: 1067, unit: '件', comparator: '=', text: '1,067件' },
    ]);
    assert.deepEqual(filled.plan.goals[0]?.items[0]?.quantities, [
      { value: 80, unit: '%', comparator: '>=', text: '80%を目指す' },
    ]);
  });

  it('gives an item without its note an empty list, replacing stale quantities', () => {
    assert.deepEqual(fillQuantities(sampleDoc()).review.goals[0]?.items[1]?.quantities, []);
  });

  it('leaves the input untouched and keeps everything else', () => {
    const doc = sampleDoc();
    const before = structuredClone(doc);
    const filled = fillQuantities(doc);
    assert.deepEqual(doc, before);
    assert.equal(filled.department, doc.department);
    assert.deepEqual(filled.warnings, doc.warnings);
    assert.equal(filled.review.goals[0]?.items[0]?.achievement, doc.review.goals[0]?.items[0]?.achievement);
  });

  it('fills the seed document into valid interchange JSON without offsets', (t) => {
    const path = new URL('../../../shared/seeds/000_e224602d88f71594.expected.json', import.meta.url);
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch {
      // The shared seeds live outside the repository, so a checkout alone may not have them.
      t.skip('seed document not available');
      return;
    }
    const filled = documentSchema.parse(fillQuantities(documentSchema.parse(JSON.parse(raw))));
    const items = [...filled.review.goals, ...filled.plan.goals].flatMap((g) => g.items);
    assert.ok(items.every((item) => Array.isArray(item.quantities)));
    const all = items.flatMap((item) => item.quantities ?? []);
    assert.ok(all.length > 100);
    assert.ok(all.every((q) => Object.keys(q).sort().join() === 'comparator,text,unit,value'));
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Case, negativeCases, ruleCases } from './extract.cases.ts';
import { seedCases } from './extract.seed-cases.ts';
import { extractQuantities } from './extract.ts';

function runTable(cases: readonly Case[]): void {
  for (const [input, expected] of cases) {
    it(input, () => {
      const found = extractQuantities(input);
      assert.deepEqual(
        found.map((q) => [q.value, q.unit, q.comparator]),
        expected.map((e) => [...e]),
      );
      for (const q of found) assert.equal(input.slice(q.start, q.end), q.text);
    });
  }
}

describe('extractQuantities: format rules', () => runTable(ruleCases));
describe('extractQuantities: not quantities', () => runTable(negativeCases));
describe('extractQuantities: seed texts', () => runTable(seedCases));

describe('extractQuantities: spans', () => {
  it('covers the comparator wording so the UI highlights it whole', () => {
    const texts = extractQuantities('研修2回以上、年3回程度、80%を目指す').map((q) => q.text);
    assert.deepEqual(texts, ['2回以上', '3回程度', '80%を目指す']);
  });

  it('reports offsets into the original full-width text', () => {
    const input = '目標は１，２００件以上です';
    const [q] = extractQuantities(input);
    assert.deepEqual(q, {
      value: 1200,
      unit: '件',
      comparator: '>=',
      text: '１，２００件以上',
      start: 3,
      end: 11,
    });
  });

  it('folds a full-width percent sign to the half-width unit but keeps it in the span', () => {
    const [q] = extractQuantities('比率３０．５％');
    assert.equal(q?.unit, '%');
    assert.equal(q?.text, '３０．５％');
  });

  it('counts UTF-16 units past characters outside the BMP', () => {
    const input = '𠮷野で3回';
    const [q] = extractQuantities(input);
    assert.equal(q?.start, 4);
    assert.equal(input.slice(q?.start, q?.end), '3回');
  });

  it('keeps the money amount and its wording together', () => {
    assert.deepEqual(
      extractQuantities('決算額51,465千円').map((q) => q.text),
      ['51,465千円'],
    );
  });
});

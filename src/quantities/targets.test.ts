import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { negativeCases, ruleCases } from './extract.cases.ts';
import { extractQuantities } from './extract.ts';
import { fillQuantities, quantitiesOf } from './fill.ts';
import { indicatorNameOf, isCleanIndicatorName } from './indicator-name.ts';
import { readTargets } from './roles.ts';
import {
  contextCases,
  garbledOnTheDashboard,
  nameCases,
  names,
  notNames,
  type TargetCase,
} from './target.cases.ts';

function runTable(cases: readonly TargetCase[]): void {
  for (const [input, expected, expectedNames] of cases) {
    it(input, () => {
      const found = readTargets(input);
      assert.deepEqual(
        found.map((q) => [q.value, q.unit, q.comparator]),
        expected.map((e) => [...e]),
      );
      for (const q of found) assert.equal(input.slice(q.start, q.end), q.text);
      const derived = found.map((q) => indicatorNameOf(input, q));
      assert.deepEqual(derived, [...expectedNames]);
      for (const name of derived) if (name !== null) assert.ok(isCleanIndicatorName(name), name);
    });
  }
}

describe('readTargets and indicator names: seen garbled on the demo dashboard (issue 10)', () =>
  runTable(garbledOnTheDashboard));
describe('readTargets: numbers that explain are not targets', () => runTable(contextCases));
describe('indicatorNameOf: a clean noun phrase or nothing', () => runTable(nameCases));

describe('isCleanIndicatorName', () => {
  for (const name of notNames)
    it(`refuses ${JSON.stringify(name)}`, () => assert.equal(isCleanIndicatorName(name), false));
  for (const name of names) it(`accepts ${name}`, () => assert.equal(isCleanIndicatorName(name), true));
});

describe('readTargets keeps the extraction rules of format.md', () => {
  it('reads every rule case the way extractQuantities does, where nothing explains', () => {
    for (const [input] of [...ruleCases, ...negativeCases]) {
      if (input.includes('現在') || input.includes('（')) continue;
      assert.deepEqual(readTargets(input), extractQuantities(input), input);
    }
  });

  it('an achievement still holds every figure: 目標40.0%→3/1現在36.3% is two quantities', () => {
    assert.deepEqual(
      quantitiesOf('目標40.0%→3/1現在36.3%', 'actual').map((q) => q.value),
      [40, 36.3],
    );
    assert.deepEqual(
      quantitiesOf('目標40.0%→3/1現在36.3%', 'target').map((q) => q.value),
      [40],
    );
  });

  it('fills plan items with promises only and review items with every figure', () => {
    const note = '研修会 年3回以上（令和7年度実績 2回）';
    const item = { no: 1, text: '研修', target: note, achievement: note };
    const doc = fillQuantities({
      department: '市民生活部',
      review: { fiscalYear: 2025, goals: [{ no: 1, title: 't', items: [item] }] },
      plan: { fiscalYear: 2026, goals: [{ no: 1, title: 't', items: [item] }] },
      warnings: [],
    });
    assert.deepEqual(
      doc.plan.goals[0]?.items[0]?.quantities?.map((q) => q.text),
      ['3回以上'],
    );
    assert.deepEqual(
      doc.review.goals[0]?.items[0]?.quantities?.map((q) => q.text),
      ['3回以上', '2回'],
    );
  });
});

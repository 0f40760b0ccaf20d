import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContentGoal, PhaseContent } from './content.repo.ts';
import { diffContent } from './content-diff.ts';

const goal = (
  id: number,
  no: number,
  title: string,
  items: Array<[number, string, string]>,
  copiedFrom?: number,
) =>
  ({
    id,
    no,
    title,
    copiedFrom: copiedFrom ?? null,
    items: items.map(([itemId, text, note], i) => ({ id: itemId, no: i + 1, unit: null, text, note })),
  }) satisfies ContentGoal;
const content = (...goals: ContentGoal[]): PhaseContent => ({ goals });

test('the same goals edited pair by id, even when reordered, and only the changed words are marked', () => {
  const before = content(
    goal(1, 1, '地域自治の推進', [[10, '説明会を開催', '10回']]),
    goal(2, 2, 'ごみの削減', []),
  );
  const after = content(
    goal(2, 1, 'ごみの削減', []),
    goal(1, 2, '地域自治の推進', [[10, '説明会を地区ごとに開催', '10回']]),
  );
  const changes = diffContent(before, after);
  assert.deepEqual(
    changes.map((c) => [c.no, c.change]),
    [
      [1, 'same'],
      [2, 'changed'],
    ],
  );
  const item = changes[1]?.items[0];
  assert.equal(item?.change, 'changed');
  assert.deepEqual(
    item?.text.filter((s) => s.op !== 'same').map((s) => [s.op, s.text]),
    [['added', '地区ごとに']],
  );
});

test('a copied goal pairs with the goal it was copied from; new and dropped goals stand alone', () => {
  const lastYear = content(
    goal(1, 1, '防災力の向上', [[10, '訓練の実施', '年2回']]),
    goal(2, 2, '廃止する目標', []),
  );
  const thisYear = content(
    goal(5, 1, '防災力の向上', [[50, '訓練の実施', '年3回']], 1),
    goal(6, 2, '新しい目標', []),
  );
  const changes = diffContent(lastYear, thisYear);
  assert.equal(changes[0]?.change, 'changed', 'the copy is paired, its note changed');
  assert.deepEqual(
    changes[0]?.items[0]?.note.filter((s) => s.op !== 'same').map((s) => s.text),
    ['2', '3'],
  );
  // Goal 6 has no copy source and its number meets goal 2: still one pair, wholly reworded.
  assert.equal(changes[1]?.change, 'changed');
  assert.equal(changes.length, 2);
  const added = diffContent(content(), thisYear);
  assert.deepEqual(
    added.map((c) => c.change),
    ['added', 'added'],
  );
  const removed = diffContent(lastYear, content());
  assert.deepEqual(
    removed.map((c) => c.change),
    ['removed', 'removed'],
  );
});

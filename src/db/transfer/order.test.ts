import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ForeignKey } from './catalog.repo.ts';
import { parentsFirst, selfParentsFirst } from './order.ts';

const fk = (table: string, references: string): ForeignKey => ({
  table,
  column: `${references}_id`,
  references,
  referencedColumn: 'id',
});

test('tables come after the tables they reference, ties by name', () => {
  const order = parentsFirst(
    ['item', 'goal', 'department', 'municipality', 'audit_event'],
    [
      fk('item', 'goal'),
      fk('goal', 'department'),
      fk('department', 'municipality'),
      fk('department', 'department'),
    ],
  );
  assert.deepEqual(order, ['audit_event', 'municipality', 'department', 'goal', 'item']);
});

test('a cycle between tables is reported', () => {
  assert.throws(() => parentsFirst(['a', 'b'], [fk('a', 'b'), fk('b', 'a')]), /cycle among: a, b/);
});

test('rows that reference their own table follow the rows they reference', () => {
  // id, parent_id, copied_from_id: 1's parent is 3, 3's parent is 2.
  const rows = [
    [1, 3, null],
    [2, null, null],
    [3, 2, 1],
    [4, null, 4],
  ];
  const ids = selfParentsFirst(rows, 0, [1]).map((r) => r[0]);
  assert.deepEqual(ids, [2, 3, 1, 4]);
  assert.deepEqual(
    selfParentsFirst(rows, 0, []).map((r) => r[0]),
    [1, 2, 3, 4],
  );
});

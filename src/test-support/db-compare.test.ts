import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DatabaseContents, differences } from './db-compare.ts';

const base = (): DatabaseContents => ({
  migrations: ['m1'],
  tables: { goal: [{ id: 1, title: 'a', value: 'float:Infinity' }], item: [] },
  lastIds: { goal: 3, item: 0 },
});

test('equal contents have no differences', () => {
  assert.deepEqual(differences(base(), base()), []);
});

test('each kind of difference is found', () => {
  const changedValue = base();
  changedValue.tables.goal = [{ id: 1, title: 'b', value: 'float:Infinity' }];
  assert.match(differences(base(), changedValue)[0] ?? '', /goal row 0/);
  const missingRow = base();
  missingRow.tables.goal = [];
  assert.match(differences(base(), missingRow)[0] ?? '', /goal: 1 rows vs 0/);
  const missingTable = base();
  delete missingTable.tables.item;
  assert.match(differences(base(), missingTable)[0] ?? '', /table item only on the first/);
  const sequence = base();
  sequence.lastIds.goal = 1;
  assert.match(differences(base(), sequence)[0] ?? '', /goal: last id 3 vs 1/);
  const level = base();
  level.migrations = [];
  assert.match(differences(base(), level)[0] ?? '', /migrations/);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { exportTables } from '../exporters/export.service.ts';
import { makeDocument, sourceOf } from '../test-support/factories.ts';
import { createTestDb, type TestDb } from '../test-support/test-db.ts';
import { importSources } from './import.service.ts';
import { readSource } from './read-source.ts';

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(() => db.destroy());

test('a 309-digit target survives import → JSON export → re-import with no quantity (issue 13, defect 6)', async () => {
  const target = `登録 ${'9'.repeat(309)}件、説明会 3回`;
  const doc = makeDocument({
    department: '大数部',
    plan: { fiscalYear: 2023, goals: [{ no: 1, title: '大きな数', items: [{ no: 1, text: 'x', target }] }] },
  });
  const municipality = { code: 'big', name: '大数市' };
  await importSources(db.kysely, [sourceOf(doc)], { published: true, municipality });
  const values = await db.kysely.selectFrom('quantity').select('value').execute();
  assert.ok(values.length > 0);
  assert.ok(
    values.every((q) => Number.isFinite(Number(q.value))),
    'no Inf stored',
  );

  const exported = await exportTables(db.kysely, {
    format: 'json',
    department: '大数部',
    planYear: 2023,
    audience: { includeDrafts: true },
  });
  const body = typeof exported.body === 'string' ? exported.body : new TextDecoder().decode(exported.body);
  assert.doesNotMatch(body, /null|Infinity/);
  const reread = readSource('export.json', new TextEncoder().encode(body));
  const item = reread.documents[0]?.plan.goals[0]?.items[0];
  assert.equal(item?.target, target);
  assert.deepEqual(
    item?.quantities?.map((q) => [q.value, q.unit]),
    [[3, '回']],
  );
  await importSources(db.kysely, [reread], { published: true, municipality });
  const again = await exportTables(db.kysely, {
    format: 'json',
    department: '大数部',
    planYear: 2023,
    audience: { includeDrafts: true },
  });
  assert.equal(again.body, exported.body);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { returnEveryPhase, returnPhase } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { findTopDepartment } from '../departments/department.repo.ts';
import { findMunicipality } from '../municipalities/municipality.repo.ts';
import { publicReader, staffReader } from '../publication/reader.ts';

let db: TestDb;
before(async () => {
  db = await createTestDb();
});
after(async () => {
  await db.destroy();
});

test('the public sees a block only while its phase is published', async () => {
  const doc = makeDocument({ department: '公開部', planYear: 2024 });
  const { municipality } = await importSources(db.kysely, [sourceOf(doc)], {
    published: true,
    municipality: 'pub',
  });
  const m = await findMunicipality(db.kysely, municipality.code);
  assert.ok(m);
  const department = await findTopDepartment(db.kysely, m.id, '公開部');
  assert.ok(department);
  const pub = publicReader(db.kysely, m);
  const staff = staffReader(db.kysely, m, { includeDrafts: true });
  const publicView = await pub.document(department, 2024);
  assert.equal(publicView.plan.goals.length, 2, 'imported tables are published');

  await returnPhase(db.kysely, { departmentId: department.id, year: 2024, phase: 'goal_setting' });
  const afterWithdraw = await pub.document(department, 2024);
  assert.equal(afterWithdraw.plan.goals.length, 0);
  assert.equal(afterWithdraw.review.goals.length, 2, 'the review block stays public');
  assert.equal((await staff.document(department, 2024)).plan.goals.length, 2, 'staff still see it');
  assert.deepEqual(await staff.planYears(department.id), [2024]);
  assert.deepEqual(await pub.planYears(department.id), [2024]);

  await returnEveryPhase(db.kysely, department.id, [2023, 2024]);
  assert.deepEqual(await pub.planYears(department.id), []);
  await assert.rejects(pub.document(department, 2024), {
    code: 'NOT_FOUND',
  });
});

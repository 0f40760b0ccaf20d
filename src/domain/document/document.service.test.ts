import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { findTopDepartment } from '../departments/department.repo.ts';
import { findFiscalYearId } from '../fiscal-years/fiscal-year.repo.ts';
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
  const m = await db.kysely
    .selectFrom('municipality')
    .selectAll()
    .where('code', '=', municipality.code)
    .executeTakeFirstOrThrow();
  const department = await findTopDepartment(db.kysely, m.id, '公開部');
  assert.ok(department);
  const pub = publicReader(db.kysely, m);
  const staff = staffReader(db.kysely, m, { includeDrafts: true });
  const publicView = await pub.document(department, 2024);
  assert.equal(publicView.plan.goals.length, 2, 'imported tables are published');

  const planYearId = await findFiscalYearId(db.kysely, m.id, 2024);
  assert.ok(planYearId);
  await db.kysely
    .updateTable('phase_status')
    .set({ status: 'draft' })
    .where('department_id', '=', department.id)
    .where('fiscal_year_id', '=', planYearId)
    .where('phase', '=', 'goal_setting')
    .execute();
  const afterWithdraw = await pub.document(department, 2024);
  assert.equal(afterWithdraw.plan.goals.length, 0);
  assert.equal(afterWithdraw.review.goals.length, 2, 'the review block stays public');
  assert.equal((await staff.document(department, 2024)).plan.goals.length, 2, 'staff still see it');
  assert.deepEqual(await staff.planYears(department.id), [2024]);
  assert.deepEqual(await pub.planYears(department.id), [2024]);

  await db.kysely
    .updateTable('phase_status')
    .set({ status: 'draft' })
    .where('department_id', '=', department.id)
    .execute();
  assert.deepEqual(await pub.planYears(department.id), []);
  await assert.rejects(pub.document(department, 2024), {
    code: 'NOT_FOUND',
  });
});

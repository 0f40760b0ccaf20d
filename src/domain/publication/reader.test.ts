import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DepartmentRow, MunicipalityRow } from '../../db/schema.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { returnEveryPhase } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { listTopDepartments } from '../departments/department.repo.ts';
import { findMunicipality } from '../municipalities/municipality.repo.ts';
import { openPublicReader, publicReader, readerFor, staffReader } from './reader.ts';

let db: TestDb;
let city: MunicipalityRow;
let other: MunicipalityRow;
let department: DepartmentRow;
let foreign: DepartmentRow;

const municipality = async (code: string) => {
  const found = await findMunicipality(db.kysely, code);
  assert.ok(found, code);
  return found;
};
const departmentOf = async (m: MunicipalityRow) => {
  const [first] = await listTopDepartments(db.kysely, m.id);
  assert.ok(first, m.code);
  return first;
};

before(async () => {
  db = await createTestDb();
  const tables = [2023, 2024].map((planYear) => makeDocument({ department: '読者部', planYear }));
  await importSources(db.kysely, [sourceOf(...tables)], { municipality: 'reader', published: true });
  await importSources(db.kysely, [sourceOf(makeDocument({ department: '他市部', planYear: 2024 }))], {
    municipality: 'elsewhere',
    published: true,
  });
  city = await municipality('reader');
  other = await municipality('elsewhere');
  department = await departmentOf(city);
  foreign = await departmentOf(other);
  // Fiscal year 2023 back to draft: the plan block of table 2023 and the review block of table 2024.
  await returnEveryPhase(db.kysely, department.id, [2023]);
});
after(async () => {
  await db.destroy();
});

test('the public reader returns no block of a draft year', async () => {
  const reader = publicReader(db.kysely, city);
  assert.equal(reader.includesDrafts, false);
  const t2023 = await reader.document(department, 2023);
  assert.equal(t2023.review.goals.length, 2, 'fiscal year 2022 stays public');
  assert.equal(t2023.plan.goals.length, 0);
  const t2024 = await reader.document(department, 2024);
  assert.equal(t2024.review.goals.length, 0);
  assert.equal(t2024.plan.goals.length, 2);
  assert.deepEqual(await reader.planYears(department.id), [2023, 2024]);
  const publication = await reader.publication(department.id);
  assert.equal(publication.of(department.id, 2023), 'none');
  assert.equal(publication.of(department.id, 2024), 'plan');
  const lineage = await reader.lineage(department);
  const shownYears = lineage.threads.flatMap((steps) =>
    steps.flatMap((s) => [s.plan ? `${s.fiscalYear} plan` : '', s.review ? `${s.fiscalYear} review` : '']),
  );
  assert.ok(shownYears.includes('2022 review') && shownYears.includes('2024 plan'));
  assert.ok(!shownYears.some((s) => s.startsWith('2023')), 'nothing of 2023 in the lineage');
  assert.equal(lineage.planPublished(2023), false);
  assert.equal(lineage.planPublished(2024), true);
});

test('staff read drafts only when they ask for them', async () => {
  const staff = staffReader(db.kysely, city, { includeDrafts: true });
  assert.equal(staff.includesDrafts, true);
  assert.equal((await staff.document(department, 2023)).plan.goals.length, 2);
  assert.equal((await staff.document(department, 2024)).review.goals.length, 2);
  assert.equal(readerFor(db.kysely, city, 'public').includesDrafts, false);
  assert.equal(
    (await readerFor(db.kysely, city, 'public').document(department, 2024)).review.goals.length,
    0,
  );
  assert.equal(readerFor(db.kysely, city, { includeDrafts: true }).includesDrafts, true);
});

test("a reader answers for its own municipality's top departments only", async () => {
  const reader = await openPublicReader(db.kysely, 'reader');
  assert.equal(reader.municipality.id, city.id);
  assert.equal((await reader.department(department.id)).id, department.id);
  await assert.rejects(reader.department(foreign.id), { code: 'NOT_FOUND' });
  await assert.rejects(reader.document(foreign, 2024), { code: 'NOT_FOUND' });
  await assert.rejects(staffReader(db.kysely, city, { includeDrafts: true }).document(foreign, 2024), {
    code: 'NOT_FOUND',
  });
  await assert.rejects(openPublicReader(db.kysely, 'nowhere'), { code: 'NOT_FOUND' });
  const unit = await db.kysely
    .selectFrom('department')
    .select('id')
    .where('parent_id', '=', department.id)
    .executeTakeFirst();
  if (unit) await assert.rejects(reader.department(unit.id), { code: 'NOT_FOUND' }, 'a sub-unit is no table');
  assert.equal((await publicReader(db.kysely, other).document(foreign, 2024)).plan.goals.length, 2);
});

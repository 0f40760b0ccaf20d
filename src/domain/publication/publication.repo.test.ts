import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { Phase } from '../../db/schema.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import {
  blockPublished,
  isBlockPublished,
  municipalitiesWithPublicYear,
  publishedDepartments,
  publishedPhases,
  publishedYears,
  yearPublished,
} from './publication.repo.ts';

let db: TestDb;
let municipalityId: number;
let departments: { a: number; b: number };
let years: Map<number, number>;

before(async () => {
  db = await createTestDb();
  // Tables 2023 and 2024 of two departments: fiscal years 2022 (review), 2023 (both) and 2024 (plan).
  const docs = ['甲部', '乙部'].flatMap((department) =>
    [2023, 2024].map((planYear) => makeDocument({ department, planYear })),
  );
  await importSources(db.kysely, [sourceOf(...docs)], { municipality: 'pubrepo', published: true });
  const municipality = await db.kysely
    .selectFrom('municipality')
    .select('id')
    .where('code', '=', 'pubrepo')
    .executeTakeFirstOrThrow();
  municipalityId = municipality.id;
  const rows = await db.kysely.selectFrom('department').select(['id', 'name']).execute();
  const id = (name: string) => rows.find((r) => r.name === name)?.id ?? -1;
  departments = { a: id('甲部'), b: id('乙部') };
  const fy = await db.kysely.selectFrom('fiscal_year').select(['id', 'year']).execute();
  years = new Map(fy.map((r) => [r.year, r.id]));
});
after(async () => {
  await db.destroy();
});

const fyId = (year: number) => years.get(year) ?? -1;

async function setStatus(departmentId: number, year: number, phase: Phase, status: 'draft' | 'published') {
  await db.kysely
    .insertInto('phase_status')
    .values({
      department_id: departmentId,
      fiscal_year_id: fyId(year),
      phase,
      status,
      version: 1,
      updated_at: '2026-01-01T00:00:00.000Z',
    })
    .onConflict((oc) => oc.columns(['department_id', 'fiscal_year_id', 'phase']).doUpdateSet({ status }))
    .execute();
}

beforeEach(async () => {
  // The import publishes every block it stores; each test starts from there.
  await db.kysely.updateTable('phase_status').set({ status: 'published' }).execute();
  await db.kysely.deleteFrom('phase_status').where('phase', '=', 'interim').execute();
});

test('publishedPhases: published plan and review phases of the municipality, or of one department', async () => {
  await setStatus(departments.a, 2023, 'final', 'draft');
  await setStatus(departments.a, 2024, 'interim', 'published');
  const key = (r: { departmentId: number; year: number; phase: string }) =>
    `${r.departmentId}/${r.year}/${r.phase}`;
  const ofA = (await publishedPhases(db.kysely, municipalityId, departments.a)).map(key).sort();
  assert.deepEqual(ofA, [
    `${departments.a}/2022/final`,
    `${departments.a}/2023/goal_setting`,
    `${departments.a}/2024/goal_setting`,
  ]);
  const all = await publishedPhases(db.kysely, municipalityId);
  assert.equal(all.length, 7, '3 of 甲部 and 4 of 乙部; 中間報告 never publishes a block');
  assert.deepEqual(await publishedPhases(db.kysely, municipalityId + 1000), []);
});

test('isBlockPublished and blockPublished agree, block by block', async () => {
  await setStatus(departments.a, 2023, 'goal_setting', 'draft');
  await setStatus(departments.b, 2023, 'final', 'draft');
  // A published 中間報告 must not make the review block public.
  await setStatus(departments.b, 2023, 'interim', 'published');
  const visible = await db.kysely
    .selectFrom('goal')
    .select(['department_id', 'fiscal_year_id', 'block'])
    .distinct()
    .where(
      blockPublished({
        department: 'goal.department_id',
        fiscalYear: 'goal.fiscal_year_id',
        block: 'goal.block',
      }),
    )
    .execute();
  const shown = new Set(visible.map((r) => `${r.department_id}/${r.fiscal_year_id}/${r.block}`));
  for (const departmentId of [departments.a, departments.b]) {
    for (const [year, block] of [
      [2022, 'review'],
      [2023, 'review'],
      [2023, 'plan'],
      [2024, 'plan'],
    ] as const) {
      const expected = !(
        (departmentId === departments.a && year === 2023 && block === 'plan') ||
        (departmentId === departments.b && year === 2023 && block === 'review')
      );
      assert.equal(
        await isBlockPublished(db.kysely, departmentId, fyId(year), block),
        expected,
        `${departmentId} ${year} ${block}`,
      );
      assert.equal(
        shown.has(`${departmentId}/${fyId(year)}/${block}`),
        expected,
        `${departmentId} ${year} ${block} in SQL`,
      );
    }
  }
});

test('yearPublished needs both blocks of the year; the facets follow the same rule', async () => {
  await setStatus(departments.a, 2023, 'final', 'draft');
  const full = await db.kysely
    .selectFrom('goal')
    .select(['department_id', 'fiscal_year_id'])
    .distinct()
    .where(yearPublished({ department: 'goal.department_id', fiscalYear: 'goal.fiscal_year_id' }))
    .execute();
  assert.deepEqual(
    full.map((r) => `${r.department_id}/${r.fiscal_year_id}`),
    [`${departments.b}/${fyId(2023)}`],
  );
  assert.deepEqual(await publishedYears(db.kysely), [2024, 2023, 2022]);
  assert.deepEqual(await municipalitiesWithPublicYear(db.kysely), [municipalityId]);

  await setStatus(departments.b, 2023, 'goal_setting', 'draft');
  assert.deepEqual(
    await municipalitiesWithPublicYear(db.kysely),
    [],
    'no year with targets and results public',
  );

  await db.kysely
    .updateTable('phase_status')
    .set({ status: 'draft' })
    .where('department_id', '=', departments.a)
    .execute();
  assert.deepEqual(
    (await publishedDepartments(db.kysely)).map((d) => [d.name, d.municipality.code]),
    [['乙部', 'pubrepo']],
  );
  await db.kysely.updateTable('phase_status').set({ status: 'draft' }).execute();
  assert.deepEqual(await publishedYears(db.kysely), []);
  assert.deepEqual(await publishedDepartments(db.kysely), []);
});

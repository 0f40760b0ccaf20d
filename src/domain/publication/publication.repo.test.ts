import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import type { Phase } from '../../db/schema.ts';
import { importSources } from '../../importer/import.service.ts';
import { makeDocument, sourceOf } from '../../test-support/factories.ts';
import { forgetEveryInterimRow } from '../../test-support/forced-state.repo.ts';
import { departmentIdOf, fiscalYearIdOf, municipalityIdOf, setPhaseState } from '../../test-support/seed.ts';
import { createTestDb, type TestDb } from '../../test-support/test-db.ts';
import { findPhaseState } from '../workflow/phase-status.repo.ts';
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
  municipalityId = await municipalityIdOf(db.kysely, 'pubrepo');
  departments = {
    a: await departmentIdOf(db.kysely, municipalityId, '甲部'),
    b: await departmentIdOf(db.kysely, municipalityId, '乙部'),
  };
  years = new Map();
  for (const year of [2022, 2023, 2024])
    years.set(year, await fiscalYearIdOf(db.kysely, municipalityId, year));
});

const fyId = (year: number) => years.get(year) ?? -1;
after(async () => {
  await db.destroy();
});

function setStatus(departmentId: number, year: number, phase: Phase, status: 'draft' | 'published') {
  return setPhaseState(db.kysely, { departmentId, year, phase }, status);
}

/** The phases the import stored: each table's review (期末報告 of the year before) and plan (目標設定). */
const imported: Array<[number, Phase]> = [
  [2022, 'final'],
  [2023, 'goal_setting'],
  [2023, 'final'],
  [2024, 'goal_setting'],
];

/** Every phase row of both departments (or of one) to `status`: as the import left them, or all withdrawn. */
async function setEvery(status: 'draft' | 'published', only?: number) {
  for (const department of only === undefined ? [departments.a, departments.b] : [only]) {
    for (const [year, phase] of imported) await setStatus(department, year, phase, status);
    for (const year of years.keys()) {
      const key = { departmentId: department, fiscalYearId: fyId(year), phase: 'interim' as const };
      if (await findPhaseState(db.kysely, key)) await setStatus(department, year, 'interim', status);
    }
  }
}

beforeEach(async () => {
  // The import publishes every block it stores; each test starts from there.
  await setEvery('published');
  await forgetEveryInterimRow(db.kysely);
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

  await setEvery('draft', departments.a);
  assert.deepEqual(
    (await publishedDepartments(db.kysely)).map((d) => [d.name, d.municipality.code]),
    [['乙部', 'pubrepo']],
  );
  await setEvery('draft');
  assert.deepEqual(await publishedYears(db.kysely), []);
  assert.deepEqual(await publishedDepartments(db.kysely), []);
});
